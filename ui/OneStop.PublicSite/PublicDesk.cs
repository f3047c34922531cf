using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using OneStop.Core.Attachments;
using OneStop.Core.Calendar;
using OneStop.Core.Catalogue;
using OneStop.Core.Changes;
using OneStop.Core.Dossiers;
using OneStop.Core.Forms;
using OneStop.Core.Identity;
using OneStop.Core.Limits;
using OneStop.Core.Slips;
using OneStop.Core.Statistics;
using OneStop.PublicSite.Ports;

namespace OneStop.PublicSite;

/// <summary>
/// What a resident may do from home, with the same rules as the desk (core's intake rules, the one feedback record per
/// dossier, the result seal) and the public site's own limits (<see cref="PublicSiteLimits"/>). Every read that shows
/// more than the status names the commune and a CCCD number of the dossier; nothing crosses into another commune.
/// </summary>
public sealed class PublicDesk(IPublicRecords records, TimeProvider time, Func<string>? newCode = null)
{
    /// <summary>The dossier field holding the CCCD number of whoever filed online: their key to the dossier and to the daily limit.</summary>
    public const string FilerCccdField = "online_filer_cccd";

    /// <summary>
    /// The dossiers a typed code names: the id itself (the slip's QR carries it), or those holding the public code, by the
    /// hub's index. Empty for a malformed or unknown code; two only when two communes drew the same code.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ResolveAsync(string? code, CancellationToken cancellationToken = default)
    {
        if (Guid.TryParse((code ?? string.Empty).Trim(), out var id))
        {
            return [id];
        }

        return PublicCode.TryNormalise(code, out var normal) ? await records.FindDossiersByPublicCodeAsync(normal, 2, cancellationToken) : [];
    }

    /// <summary>The status for a typed code; <see cref="CodeLookup.Shared"/> when the code names two dossiers and only a CCCD number tells them apart.</summary>
    public async Task<(CodeLookup Outcome, PublicStatus? Status)> FindStatusByCodeAsync(string? code, CancellationToken cancellationToken = default)
    {
        var ids = await ResolveAsync(code, cancellationToken);
        if (ids.Count > 1)
        {
            return (CodeLookup.Shared, null);
        }

        return ids.Count == 1 && await FindStatusAsync(ids[0], cancellationToken) is { } status ? (CodeLookup.Found, status) : (CodeLookup.NotFound, null);
    }

    /// <summary>The one dossier a code, a commune and a CCCD number name together (a shared code is told apart here).</summary>
    public async Task<Guid?> FindHeldAsync(string commune, string? code, string cccd, CancellationToken cancellationToken = default)
    {
        foreach (var id in await ResolveAsync(code, cancellationToken))
        {
            if (await FindDetailAsync(commune, id, cccd, cancellationToken) is not null)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>What anyone with the code may see: no names, no numbers.</summary>
    public async Task<PublicStatus?> FindStatusAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await DossierAsync(id, cancellationToken) is not { } dossier)
        {
            return null;
        }

        var procedure = await ProcedureAsync(Text(dossier, DossierFields.ProcedureCode), cancellationToken);
        return new PublicStatus(id, Text(dossier, PublicCode.Field) is { } code ? PublicCode.Grouped(code) : id.ToString("N"), dossier.Scope, procedure?.NameVi ?? Text(dossier, DossierFields.ProcedureCode) ?? string.Empty, procedure?.NameEn ?? string.Empty,
            Status(dossier), Channel(dossier), DueDate(dossier), dossier.GetJson(ResultFields.Seal) is not null, await records.GetAsync(ResidentFeedbackIds.For(id), cancellationToken) is not null);
    }

    /// <summary>More than the status, for whoever holds the code and a CCCD number of the dossier, in the dossier's own commune.</summary>
    public async Task<PublicDetail?> FindDetailAsync(string commune, Guid id, string cccd, CancellationToken cancellationToken = default)
    {
        if (await DossierAsync(id, cancellationToken) is not { } dossier || dossier.Scope != commune || !Holds(dossier, cccd)
            || await FindStatusAsync(id, cancellationToken) is not { } status)
        {
            return null;
        }

        return new PublicDetail(status, Text(dossier, DossierFields.ApplicantName) ?? string.Empty, Text(dossier, StatusReasons.Field), Text(dossier, ResultFields.Seal));
    }

    /// <summary>The result document, for the same holder as <see cref="FindDetailAsync"/>; null until the node's upload reached the hub.</summary>
    public async Task<(string FileName, string ContentType, byte[] Content)?> ReadResultAsync(string commune, Guid id, string cccd, CancellationToken cancellationToken = default)
    {
        if (await DossierAsync(id, cancellationToken) is not { } dossier || dossier.Scope != commune || !Holds(dossier, cccd)
            || dossier.GetJson(ResultFields.Attachment) is not { } attachmentJson
            || await records.GetAsync(JsonSerializer.Deserialize<Guid>(attachmentJson), cancellationToken) is not { } attachment
            || attachment.Scope != commune || Text(attachment, "sha256") is not { } sha
            || await records.ReadBlobAsync(sha, cancellationToken) is not { } content)
        {
            return null;
        }

        return (Text(attachment, "file_name") ?? "ket-qua", Text(attachment, "content_type") ?? "application/octet-stream", content);
    }

    /// <summary>Feedback from home, into the same one-per-dossier record the office writes.</summary>
    public async Task<PublicOutcome> LeaveFeedbackAsync(Guid id, int rating, string? comment, CancellationToken cancellationToken = default)
    {
        if (rating is < 1 or > 5 || (comment?.Length ?? 0) > PublicSiteLimits.MaxFeedbackChars)
        {
            return PublicOutcome.Invalid;
        }

        if (await DossierAsync(id, cancellationToken) is not { } dossier || Status(dossier) == DossierStatus.Draft && Channel(dossier) != FilingChannel.Online)
        {
            return PublicOutcome.NotFound;
        }

        var feedbackId = ResidentFeedbackIds.For(id);
        if (await records.GetAsync(feedbackId, cancellationToken) is not null)
        {
            return PublicOutcome.AlreadyDone;
        }

        await records.WriteAsync(feedbackId, RecordTypes.Feedback, dossier.Scope, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["dossier_id"] = JsonSerializer.Serialize(id),
            ["procedure_code"] = dossier.GetJson(DossierFields.ProcedureCode),
            ["rating"] = rating.ToString(CultureInfo.InvariantCulture),
            ["comment"] = JsonSerializer.Serialize((comment ?? string.Empty).Trim()),
            ["submitted_at"] = JsonSerializer.Serialize(time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)),
            ["channel"] = JsonSerializer.Serialize(FilingChannel.Online.ToName()),
        }, cancellationToken);
        return PublicOutcome.Done;
    }

    public async Task<IReadOnlyList<Procedure>> ListOnlineProceduresAsync(CancellationToken cancellationToken = default) =>
        [.. (await records.ListProceduresAsync(cancellationToken)).Where(p => p.OnlineFiling).OrderBy(p => p.Code, StringComparer.Ordinal)];

    public async Task<(Procedure Procedure, FormSchema Form)?> FindOnlineFormAsync(string code, CancellationToken cancellationToken = default) =>
        await ProcedureAsync(code, cancellationToken) is { OnlineFiling: true } procedure ? (procedure, FormSchemaParser.Parse(procedure.FormJson, records.OptionLists)) : null;

    /// <summary>
    /// Files a dossier online: written at the hub in the chosen commune as a draft with channel online ("filed online,
    /// to be checked"), pulled by that commune's node at its next sync, where staff receive it.
    /// </summary>
    public async Task<OnlineFilingResult> FileAsync(OnlineFiling filing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filing);
        var errors = new List<FieldError>();
        if (!records.Communes.Contains(filing.Commune, StringComparer.Ordinal))
        {
            errors.Add(new FieldError("commune", "public.commune", "Xã/phường này chưa nhận hồ sơ trực tuyến. Hãy chọn xã/phường trong danh sách.", "This commune does not take online filings. Choose one from the list."));
        }

        if (!CccdValidator.Validate(filing.FilerCccd).IsValid)
        {
            errors.Add(new FieldError("filer_cccd", "public.cccd", "Số CCCD không hợp lệ (12 chữ số).", "The CCCD number is not valid (12 digits)."));
        }

        if (filing.Files.Count > PublicSiteLimits.AttachmentsPerFiling || filing.Files.Any(f => f.Content.LongLength > PublicSiteLimits.MaxAttachmentBytes || f.Content.Length == 0 || !AttachmentRules.IsAllowed(f.ContentType)))
        {
            errors.Add(new FieldError("files", "public.files", $"Tối đa {PublicSiteLimits.AttachmentsPerFiling} tệp PDF hoặc ảnh, mỗi tệp không quá {PublicSiteLimits.MaxAttachmentBytes / (1024 * 1024)} MB.", $"At most {PublicSiteLimits.AttachmentsPerFiling} PDF or image files, each at most {PublicSiteLimits.MaxAttachmentBytes / (1024 * 1024)} MB."));
        }

        if (await FindOnlineFormAsync(filing.ProcedureCode, cancellationToken) is not { } found)
        {
            errors.Add(new FieldError("procedure", "public.procedure", "Thủ tục này không nộp trực tuyến được.", "This procedure cannot be filed online."));
            return OnlineFilingResult.Refused(errors);
        }

        var answers = filing.Answers.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => (string?)p.Value!.Trim(), StringComparer.Ordinal);
        errors.AddRange(DossierIntakeRules.Check(found.Form, filing.ApplicantName, answers, answers.Keys, complete: true, Today()));
        if (errors.Count > 0)
        {
            return OnlineFilingResult.Refused(errors);
        }

        if (await FiledTodayAsync(filing.FilerCccd, cancellationToken) >= PublicSiteLimits.FilingsPerCccdPerDay)
        {
            return OnlineFilingResult.Refused([new FieldError("filer_cccd", "public.daily", $"Mỗi số CCCD chỉ nộp được {PublicSiteLimits.FilingsPerCccdPerDay} hồ sơ trực tuyến mỗi ngày. Vui lòng nộp tiếp vào ngày mai hoặc đến bộ phận một cửa.", $"Each CCCD number may file {PublicSiteLimits.FilingsPerCccdPerDay} dossiers online a day. Please file again tomorrow or at the office.")]);
        }

        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var publicCode = await PublicCode.NewUniqueAsync(async (code, ct) => (await records.FindDossiersByPublicCodeAsync(code, 1, ct)).Count > 0, newCode, cancellationToken);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [DossierFields.ProcedureCode] = JsonSerializer.Serialize(found.Procedure.Code),
            [DossierFields.ApplicantName] = JsonSerializer.Serialize(filing.ApplicantName.Trim()),
            [DossierFields.Status] = JsonSerializer.Serialize(DossierStatus.Draft.ToName()),
            [DossierFields.CreatedAt] = JsonSerializer.Serialize(now.ToString("O", CultureInfo.InvariantCulture)),
            [DossierFields.Channel] = JsonSerializer.Serialize(FilingChannel.Online.ToName()),
            [FilerCccdField] = JsonSerializer.Serialize(filing.FilerCccd),
            [PublicCode.Field] = JsonSerializer.Serialize(publicCode),
        };
        foreach (var (key, value) in answers)
        {
            values[DossierFields.FormPrefix + key] = JsonSerializer.Serialize(value);
        }

        if (RecordLimits.CheckWrite(values) is { } violation)
        {
            return OnlineFilingResult.Refused([new FieldError(violation.Field ?? "dossier", "public.size", violation.MessageVi, violation.MessageEn)]);
        }

        // Files first: a dossier that names an attachment the hub does not hold would show the desk a broken link.
        var attachments = new List<(Guid Id, Dictionary<string, string?> Values)>();
        foreach (var file in filing.Files)
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(file.Content));
            var type = AttachmentRules.MediaType(file.ContentType);
            await records.StoreBlobAsync(sha, type, file.Content, cancellationToken);
            attachments.Add((Guid.CreateVersion7(now), new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["dossier_id"] = JsonSerializer.Serialize(id),
                ["file_name"] = JsonSerializer.Serialize(AttachmentRules.SafeFileName(file.FileName)),
                ["content_type"] = JsonSerializer.Serialize(type),
                ["size"] = file.Content.LongLength.ToString(CultureInfo.InvariantCulture),
                ["sha256"] = JsonSerializer.Serialize(sha),
            }));
        }

        await records.WriteAsync(id, RecordTypes.Dossier, filing.Commune, values, cancellationToken);
        foreach (var (attachmentId, attachmentValues) in attachments)
        {
            await records.WriteAsync(attachmentId, RecordTypes.Attachment, filing.Commune, attachmentValues, cancellationToken);
        }

        return new OnlineFilingResult(id, []) { Code = publicCode };
    }

    /// <summary>Checks a result QR offline against the signing keys the hub holds.</summary>
    public Task<ResultVerification> VerifyAsync(string scanned, CancellationToken cancellationToken = default) =>
        ResultKeys.VerifyAsync(scanned, records.GetAsync, cancellationToken);

    // Across every commune the hub serves (the limit is per person, not per office), by the hub's index: the count reads
    // this person's filings, not the hub's dossiers.
    private async Task<long> FiledTodayAsync(string cccd, CancellationToken cancellationToken)
    {
        var today = Today();
        var start = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), AppointmentCalculator.VietnamOffset);
        return await records.CountOnlineFilingsAsync(cccd, start, start.AddDays(1), cancellationToken);
    }

    private async Task<StoredRecord?> DossierAsync(Guid id, CancellationToken cancellationToken) =>
        await records.GetAsync(id, cancellationToken) is { Type: RecordTypes.Dossier } dossier && !dossier.IsDeleted ? dossier : null;

    private async Task<Procedure?> ProcedureAsync(string? code, CancellationToken cancellationToken) =>
        code is null ? null : (await records.ListProceduresAsync(cancellationToken)).FirstOrDefault(p => p.Code == code);

    /// <summary>Whether a CCCD number is one of the dossier's: the online filer's, or an ID number answered on its form.</summary>
    private static bool Holds(StoredRecord dossier, string cccd)
    {
        if (cccd.Length != 12 || !cccd.All(char.IsAsciiDigit))
        {
            return false;
        }

        var serialized = JsonSerializer.Serialize(cccd);
        return dossier.GetJson(FilerCccdField) == serialized
            || dossier.CurrentFields.Any(f => f.Name.StartsWith(DossierFields.FormPrefix, StringComparison.Ordinal) && f.Name.EndsWith("id_number", StringComparison.Ordinal) && f.Json == serialized);
    }

    private DateOnly Today() => DossierFactsReader.VietnamDate(time.GetUtcNow());

    private static string? Text(StoredRecord record, string field) =>
        record.GetJson(field) is { } json && json.StartsWith('"') ? JsonSerializer.Deserialize<string>(json) : null;

    private static DossierStatus Status(StoredRecord dossier) =>
        DossierStatusNames.TryParse(Text(dossier, DossierFields.Status), out var status) ? status : DossierStatus.Draft;

    private static FilingChannel Channel(StoredRecord dossier) =>
        FilingChannelNames.TryParse(Text(dossier, DossierFields.Channel), out var channel) ? channel : FilingChannel.Desk;

    private static DateOnly? DueDate(StoredRecord dossier) =>
        DateOnly.TryParseExact(Text(dossier, DossierFields.DueDate), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? due : null;
}

/// <param name="Id">The dossier's id.</param>
/// <param name="Code">The code to show: the public code in groups, or the id for dossiers made before public codes.</param>
/// <param name="Commune">Its commune.</param>
/// <param name="ProcedureVi">Procedure name, Vietnamese.</param>
/// <param name="ProcedureEn">Procedure name, English.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Channel">How it was filed.</param>
/// <param name="DueDate">The result date on the slip.</param>
/// <param name="HasResult">A digital result was issued.</param>
/// <param name="HasFeedback">Feedback was already left.</param>
public sealed record PublicStatus(Guid Id, string Code, string Commune, string ProcedureVi, string ProcedureEn, DossierStatus Status, FilingChannel Channel, DateOnly? DueDate, bool HasResult, bool HasFeedback)
{
    /// <summary>Filed online and not yet received by the commune: "filed online, to be checked".</summary>
    public bool AwaitingCheck => Status == DossierStatus.Draft && Channel == FilingChannel.Online;
}

public sealed record PublicDetail(PublicStatus Status, string ApplicantName, string? Reason, string? ResultSeal);

public sealed record PublicFile(string FileName, string ContentType, byte[] Content);

/// <param name="Commune">The commune chosen: the only scope the filing may be written to, checked against those served.</param>
/// <param name="ProcedureCode">A procedure the catalogue marks online.</param>
/// <param name="ApplicantName">Who files.</param>
/// <param name="FilerCccd">The filer's CCCD number.</param>
/// <param name="Answers">Form answers by key.</param>
/// <param name="Files">Attached documents.</param>
public sealed record OnlineFiling(string Commune, string ProcedureCode, string ApplicantName, string FilerCccd, IReadOnlyDictionary<string, string?> Answers, IReadOnlyList<PublicFile> Files);

public sealed record OnlineFilingResult(Guid? Id, IReadOnlyList<FieldError> Errors)
{
    /// <summary>The public code drawn for the filing, shown on the confirmation page.</summary>
    public string? Code { get; init; }

    public static OnlineFilingResult Refused(IReadOnlyList<FieldError> errors) => new(null, errors);
}

/// <summary>What a typed code names.</summary>
public enum CodeLookup
{
    Found,
    NotFound,

    /// <summary>Two dossiers (of two communes) drew the same code: the status alone cannot tell which.</summary>
    Shared,
}

public enum PublicOutcome
{
    Done,
    AlreadyDone,
    NotFound,
    Invalid,
}
