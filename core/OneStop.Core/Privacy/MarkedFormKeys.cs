using System.Text.Json;
using OneStop.Core.Catalogue;

namespace OneStop.Core.Privacy;

/// <summary>
/// The form keys a procedure's schemas mark personal (<c>personal_data: true</c>, or any <c>personal_data_class</c>),
/// current schema and every earlier one: a dossier filed under an older schema keeps the keys that schema asked for.
/// Read leniently, field by field, so a schema that fails other checks still gives up its marks.
/// </summary>
public static class MarkedFormKeys
{
    /// <summary>The marked keys of a procedure record's live values ({"form": [...], "form_history": [...]}).</summary>
    public static IReadOnlySet<string> InProcedureValues(string valuesJson)
    {
        ArgumentNullException.ThrowIfNull(valuesJson);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(valuesJson);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return keys;
        }

        if (document.RootElement.TryGetProperty(CatalogueKeys.Form, out var form))
        {
            AddMarked(form, keys);
        }

        if (document.RootElement.TryGetProperty(FormSchemaVersions.FormHistory, out var history) && history.ValueKind == JsonValueKind.Array)
        {
            foreach (var version in history.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object))
            {
                if (version.TryGetProperty(CatalogueKeys.Form, out var old))
                {
                    AddMarked(old, keys);
                }
            }
        }

        return keys;
    }

    /// <summary>The marked keys of one form schema (a JSON array of fields).</summary>
    public static IReadOnlySet<string> InSchema(string formJson)
    {
        ArgumentNullException.ThrowIfNull(formJson);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(formJson);
        AddMarked(document.RootElement, keys);
        return keys;
    }

    private static void AddMarked(JsonElement schema, HashSet<string> keys)
    {
        if (schema.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var field in schema.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object))
        {
            var marked = (field.TryGetProperty("personal_data", out var flag) && flag.ValueKind == JsonValueKind.True)
                || (field.TryGetProperty("personal_data_class", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() is { Length: > 0 } and not "null");
            if (marked && field.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String && key.GetString() is { Length: > 0 } name)
            {
                keys.Add(name);
            }
        }
    }
}
