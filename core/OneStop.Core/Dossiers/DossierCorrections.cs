using System.Globalization;
using System.Text.Json;
using OneStop.Core.Forms;

namespace OneStop.Core.Dossiers;

/// <summary>
/// Corrections to a dossier after receipt (a typo in a name, a wrong date of birth): the corrected fields and one
/// element of the append-only "corrections" collection go in the same write, so every office sees what changed,
/// from what, by whom, when and why. A draft is still being filled in: its edits need no reason and leave no entry.
/// </summary>
public static class DossierCorrections
{
    /// <summary>The append-only collection of the dossier record holding one element per correction.</summary>
    public const string Collection = "corrections";

    /// <summary>Field key of the reason in errors.</summary>
    public const string ReasonField = "correction_reason";

    /// <summary>Code of the error when a received dossier is corrected without a reason.</summary>
    public const string Missing = "correction.reason_required";

    /// <summary>Longest reason kept.</summary>
    public const int MaxLength = 1000;

    public static bool NeedsReason(DossierStatus status) => status != DossierStatus.Draft;

    /// <summary>What is wrong with <paramref name="reason"/> for correcting a dossier in <paramref name="status"/>; empty when fine.</summary>
    public static IReadOnlyList<FieldError> Check(DossierStatus status, string? reason)
    {
        if (NeedsReason(status) && string.IsNullOrWhiteSpace(reason))
        {
            return [new FieldError(ReasonField, Missing, "Lý do sửa: bắt buộc nhập khi sửa hồ sơ đã tiếp nhận.", "Reason: required to correct a received dossier.")];
        }

        return reason is { Length: > MaxLength }
            ? [new FieldError(ReasonField, FormErrorCodes.TooLong, $"Lý do sửa: tối đa {MaxLength} ký tự.", $"Reason: at most {MaxLength} characters.")]
            : [];
    }

    /// <summary>
    /// The fields whose value differs between <paramref name="before"/> and <paramref name="after"/>, in key order; a
    /// blank value counts as no value, and keys absent from <paramref name="after"/> are left as they were.
    /// </summary>
    public static IReadOnlyList<FieldCorrection> Diff(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<FieldCorrection>();
        foreach (var (key, raw) in after.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var from = Blank(before.GetValueOrDefault(key));
            var to = Blank(raw);
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                changes.Add(new FieldCorrection(key, from, to));
            }
        }

        return changes;
    }

    /// <summary>The JSON of one element of <see cref="Collection"/>.</summary>
    public static string Json(Correction correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["at"] = correction.At.ToString("O", CultureInfo.InvariantCulture),
            ["by"] = correction.By,
            ["reason"] = correction.Reason,
            ["changes"] = correction.Changes.Select(c => new Dictionary<string, string?> { ["field"] = c.Field, ["from"] = c.From, ["to"] = c.To }).ToList(),
        });
    }

    /// <summary>Reads an element written by <see cref="Json"/>; null for anything else.</summary>
    public static Correction? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !DateTimeOffset.TryParse(Text(root, "at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                || !root.TryGetProperty("changes", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var changes = list.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object && Text(c, "field") is not null)
                .Select(c => new FieldCorrection(Text(c, "field")!, Text(c, "from"), Text(c, "to")))
                .ToList();
            return new Correction(at, Text(root, "by") ?? string.Empty, Text(root, "reason"), changes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <param name="Field">applicant_name, or a form key (mother.full_name).</param>
/// <param name="From">The value before; null when there was none.</param>
/// <param name="To">The value after; null when it was cleared.</param>
public sealed record FieldCorrection(string Field, string? From, string? To);

/// <param name="At">When, by the writer's clock.</param>
/// <param name="By">Who (user name).</param>
/// <param name="Reason">Why, as the clerk wrote it.</param>
/// <param name="Changes">What changed.</param>
public sealed record Correction(DateTimeOffset At, string By, string? Reason, IReadOnlyList<FieldCorrection> Changes);
