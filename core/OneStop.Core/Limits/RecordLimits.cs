using System.Globalization;
using System.Text;

namespace OneStop.Core.Limits;

/// <summary>
/// How big what a person types, a record and a log entry may be (docs/limits.md). The edge checks at its doors
/// so nothing it cannot send reaches its log; the hub checks again at push, because a door can be bypassed.
/// </summary>
public static class RecordLimits
{
    /// <summary>Longest text typed into one field: 4,000 characters (a long address or note, not a document).</summary>
    public const int MaxTextChars = 4_000;

    /// <summary>Longest field name: 64 characters (form keys in the catalogue are far shorter).</summary>
    public const int MaxFieldNameChars = 64;

    /// <summary>Most fields one write may carry: 200 (the largest form in the catalogue has about 40).</summary>
    public const int MaxFieldsPerWrite = 200;

    /// <summary>Largest write at a door, values as UTF-8 JSON: 64 KiB.</summary>
    public const int MaxWriteBytes = 64 * 1024;

    /// <summary>
    /// Largest change-log entry the hub accepts (fields' JSON values, UTF-8): 256 KiB, the edge's default push batch.
    /// A door's write is far below it; append-only sets that grow over years are what the headroom is for.
    /// </summary>
    public const int MaxEntryBytes = 256 * 1024;

    /// <summary>The first limit a write at a door breaks, or null when it fits.</summary>
    /// <param name="values">Field name to raw JSON value (null deletes).</param>
    public static LimitViolation? CheckWrite(IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count > MaxFieldsPerWrite)
        {
            return new LimitViolation(null, $"Quá nhiều trường ({values.Count}); tối đa {MaxFieldsPerWrite}.", $"Too many fields ({values.Count}); at most {MaxFieldsPerWrite}.");
        }

        var total = 0;
        foreach (var (name, json) in values)
        {
            if (name.Length > MaxFieldNameChars)
            {
                return new LimitViolation(name[..MaxFieldNameChars], $"Tên trường dài quá {MaxFieldNameChars} ký tự.", $"A field name is longer than {MaxFieldNameChars} characters.");
            }

            // JSON escapes make a value's text longer than what was typed; the budget is for what was typed.
            var chars = json is null ? 0 : TypedLength(json);
            if (chars > MaxTextChars)
            {
                return new LimitViolation(name, $"Nội dung trường '{name}' dài {Vi(chars)} ký tự; tối đa {Vi(MaxTextChars)}.", $"Field '{name}' is {En(chars)} characters long; at most {En(MaxTextChars)}.");
            }

            total += name.Length + (json is null ? 0 : Encoding.UTF8.GetByteCount(json));
        }

        return total > MaxWriteBytes
            ? new LimitViolation(null, $"Hồ sơ quá lớn ({Vi(total / 1024)} KiB); tối đa {MaxWriteBytes / 1024} KiB.", $"The record is too large ({En(total / 1024)} KiB); at most {MaxWriteBytes / 1024} KiB.")
            : null;
    }

    private static int TypedLength(string json)
    {
        if (json.Length < 2 || json[0] != '"')
        {
            return json.Length;
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<string>(json)?.Length ?? 0;
        }
        catch (System.Text.Json.JsonException)
        {
            return json.Length;
        }
    }

    private static string Vi(int value) => value.ToString("N0", Vietnamese);

    private static string En(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
}

/// <summary>A broken limit: which field (null for the record as a whole), in Vietnamese and in English.</summary>
public sealed record LimitViolation(string? Field, string MessageVi, string MessageEn);
