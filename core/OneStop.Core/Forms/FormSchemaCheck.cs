using System.Text.Json;

namespace OneStop.Core.Forms;

/// <summary>
/// Whether a schema an admin is about to publish can be read by the nodes: the nodes' own parser, its refusals turned
/// into a code (and the field or the JSON line it is at) instead of an exception, and an empty form refused since no
/// dossier could be filed with it.
/// </summary>
public static class FormSchemaCheck
{
    public static FormSchemaCheckResult Check(string formJson, SharedOptionLists? sharedLists = null)
    {
        ArgumentNullException.ThrowIfNull(formJson);
        try
        {
            using (var document = JsonDocument.Parse(formJson))
            {
                if (document.RootElement.ValueKind == JsonValueKind.Array
                    && document.RootElement.EnumerateArray().Any(f => f.ValueKind != JsonValueKind.Object))
                {
                    return FormSchemaCheckResult.Refused(FormSchemaErrorCodes.FieldNotObject, null);
                }
            }

            var schema = FormSchemaParser.Parse(formJson, sharedLists);
            return schema.Fields.Count == 0
                ? FormSchemaCheckResult.Refused(FormSchemaErrorCodes.Empty, null)
                : new FormSchemaCheckResult(schema, null, null);
        }
        catch (JsonException e)
        {
            // Lines counted from 1 for people; the reader counts from 0.
            return FormSchemaCheckResult.Refused(FormSchemaErrorCodes.Json, ((e.LineNumber ?? 0) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (FormSchemaException e)
        {
            return FormSchemaCheckResult.Refused(e.Code, e.FieldKey);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException)
        {
            // A value of the wrong JSON kind (a number where text is expected, say) inside a field.
            return FormSchemaCheckResult.Refused(FormSchemaErrorCodes.Invalid, null);
        }
    }
}

/// <summary>The parsed schema, or the code of what is wrong and where (a field key, or a JSON line number).</summary>
public sealed record FormSchemaCheckResult(FormSchema? Schema, string? ErrorCode, string? Where)
{
    public bool Succeeded => ErrorCode is null;

    public static FormSchemaCheckResult Refused(string code, string? where) => new(null, code, where);
}
