using OneStop.Core.Catalogue;

namespace OneStop.Core.Fees;

/// <summary>
/// Turns a procedure's fee table and the facts of a dossier into an itemised quote: quantities per unit, the copy
/// certification formula (per page with a cap per copy), and exemptions (fee_exempt_groups; registration of a birth
/// or death within the statutory deadline, Law on Civil Status 2014 Art. 11).
/// </summary>
public static class FeeCalculator
{
    public const string CopyCertificationKey = "copy_certification";
    private const string OnTimeKey = "on_time";
    private const string LateKey = "late";

    /// <summary>The quote uses the fee table in force on <see cref="FeeRequest.SubmissionDate"/> (<see cref="Procedure.FeesOn"/>).</summary>
    public static FeeQuote Quote(Procedure procedure, FeeRequest request)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(request);
        procedure = procedure.AsOf(request.SubmissionDate);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Copies);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Pages);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Persons);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Items);

        var notes = new List<string>();
        var onTime = IsOnTime(procedure, request);
        var keys = request.FeeKeys ?? DefaultFeeKeys(procedure, onTime);
        var selected = procedure.Fees.Where(f => keys.Contains(f.Key)).ToList();
        foreach (var unknown in keys.Where(k => procedure.Fees.All(f => f.Key != k)))
        {
            throw new ArgumentException($"Procedure {procedure.Code} has no fee '{unknown}'.", nameof(request));
        }

        if (onTime == false && procedure.Fees.All(f => f.Key != LateKey))
        {
            notes.Add($"Registration is past the {procedure.StatutoryDeadline!.Days}-day deadline; use the late-registration procedure.");
        }

        var exemption = Exemption(procedure, request, onTime, notes);
        var lines = new List<FeeLine>();
        var pageFees = selected.Where(f => f.Unit is FeeUnits.PerPage or FeeUnits.PerCopyMax).ToList();
        if (pageFees.Count > 0)
        {
            lines.Add(CopyCertificationLine(pageFees, request));
        }

        foreach (var fee in selected.Except(pageFees))
        {
            var quantity = Quantity(fee.Unit, request);
            lines.Add(new FeeLine(fee.Key, fee.LabelVi, fee.LabelEn, fee.AmountVnd, quantity, fee.AmountVnd * quantity, null, null));
        }

        if (exemption is { } waived)
        {
            lines = lines.Select(l => l with { AmountVnd = 0, ExemptionVi = waived.Vi, ExemptionEn = waived.En }).ToList();
        }

        return new FeeQuote(procedure.Code, lines, notes);
    }

    /// <summary>
    /// The fee lines that apply when staff have not picked them: all page/cap lines of copy certification; on_time or
    /// late by the deadline; every "_part" line of a combined procedure; otherwise the first line (the others are
    /// alternatives such as online filing or contract amendments, which staff pick explicitly).
    /// </summary>
    public static IReadOnlyList<string> DefaultFeeKeys(Procedure procedure, bool? onTime)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        var fees = procedure.Fees;
        var pageKeys = fees.Where(f => f.Unit is FeeUnits.PerPage or FeeUnits.PerCopyMax).Select(f => f.Key).ToList();
        if (pageKeys.Count > 0)
        {
            return pageKeys;
        }

        if (fees.Any(f => f.Key is OnTimeKey or LateKey))
        {
            var wanted = onTime == false && fees.Any(f => f.Key == LateKey) ? LateKey : OnTimeKey;
            return fees.Any(f => f.Key == wanted) ? [wanted] : [fees[0].Key];
        }

        var parts = fees.Where(f => f.Key.EndsWith("_part", StringComparison.Ordinal)).Select(f => f.Key).ToList();
        if (parts.Count > 0)
        {
            return parts;
        }

        return fees.Count > 0 ? [fees[0].Key] : [];
    }

    /// <summary>Null when the procedure has no statutory deadline or the event date is not known yet.</summary>
    public static bool? IsOnTime(Procedure procedure, FeeRequest request)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(request);
        if (procedure.StatutoryDeadline is not { } deadline || request.EventDate is not { } happened)
        {
            return null;
        }

        // "Within 60 days of birth": the 60th day after the birth is still on time.
        return request.SubmissionDate.DayNumber - happened.DayNumber <= deadline.Days;
    }

    private static (string Vi, string En)? Exemption(Procedure procedure, FeeRequest request, bool? onTime, List<string> notes)
    {
        if (onTime == true)
        {
            return ("Miễn lệ phí: đăng ký đúng hạn (Luật Hộ tịch 2014, Điều 11)", "Exempt: registered within the statutory deadline (Law on Civil Status 2014, Art. 11)");
        }

        if (request.ExemptGroup is { Length: > 0 } group)
        {
            if (procedure.FeeExemptGroups.Count == 0)
            {
                notes.Add($"Procedure {procedure.Code} lists no exempt groups; the claimed exemption was not applied.");
                return null;
            }

            return ($"Miễn lệ phí: {group}", $"Exempt: {group}");
        }

        return null;
    }

    private static FeeLine CopyCertificationLine(IReadOnlyList<ProcedureFee> fees, FeeRequest request)
    {
        // fee_formula: per copy = min(cap, first-tier rate × min(pages, 2) + next-tier rate × max(pages − 2, 0));
        // total = per copy × copies. Tiers follow the order of the per_page lines; the boundary comes from the
        // first line's key (page_1_2 → 2 pages) so that a province changing the tier width needs no code change.
        var tiers = fees.Where(f => f.Unit == FeeUnits.PerPage).ToList();
        var cap = fees.FirstOrDefault(f => f.Unit == FeeUnits.PerCopyMax)?.AmountVnd;
        long perCopy = 0;
        var pagesLeft = request.Pages;
        for (var i = 0; i < tiers.Count && pagesLeft > 0; i++)
        {
            var pagesInTier = i == tiers.Count - 1 ? pagesLeft : Math.Min(pagesLeft, TierWidth(tiers[i].Key));
            perCopy += (tiers[i].AmountVnd ?? 0) * pagesInTier;
            pagesLeft -= pagesInTier;
        }

        if (cap is long max)
        {
            perCopy = Math.Min(perCopy, max);
        }

        return new FeeLine(
            CopyCertificationKey,
            $"Chứng thực bản sao ({request.Pages} trang/bản)",
            $"Copy certification ({request.Pages} pages per copy)",
            perCopy,
            request.Copies,
            perCopy * request.Copies,
            null,
            null);
    }

    // "page_1_2" covers pages 1 to 2; anything unreadable counts as a single page.
    private static int TierWidth(string key)
    {
        var parts = key.Split('_');
        return parts.Length == 3 && int.TryParse(parts[1], out var from) && int.TryParse(parts[2], out var to) && to >= from
            ? to - from + 1
            : 1;
    }

    private static int Quantity(string unit, FeeRequest request) => unit switch
    {
        FeeUnits.PerCopy => request.Copies,
        FeeUnits.PerPerson => request.Persons,
        FeeUnits.PerContract or FeeUnits.PerCertificate => request.Items,
        _ => 1,
    };
}
