using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneStop.Core.Catalogue;

/// <summary>
/// Form schemas carry a version: the procedure's <c>form</c> field is the current schema, numbered by
/// <c>form_version</c> (1 when absent: every schema shipped before versions), and each schema it replaced is kept in
/// <c>form_history</c>. A dossier records the version it was filed under (<see cref="DossierField"/>), so a dossier
/// filed before a change still renders and validates under its own schema, while new filings take the new one.
/// </summary>
public static class FormSchemaVersions
{
    /// <summary>Catalogue key: the current schema's number.</summary>
    public const string FormVersion = "form_version";

    /// <summary>Catalogue key: earlier schemas, <c>[{"version": n, "form": [...]}]</c>.</summary>
    public const string FormHistory = "form_history";

    /// <summary>Dossier field: the schema version the dossier was filed under (a JSON number).</summary>
    public const string DossierField = "form_version";

    /// <summary>The version of a procedure that never had one.</summary>
    public const int First = 1;

    /// <summary>
    /// Publishing <paramref name="newFormJson"/>: the next version number and the history with the current schema
    /// added, or null when the new schema equals the current one (publishing it again changes nothing).
    /// </summary>
    public static FormPublication? Publish(string? currentFormJson, int? currentVersion, string? historyJson, string newFormJson)
    {
        var next = JsonNode.Parse(newFormJson) as JsonArray ?? throw new JsonException("A form schema is a JSON array.");
        var current = JsonNode.Parse(currentFormJson ?? "[]");
        if (JsonNode.DeepEquals(current, next))
        {
            return null;
        }

        var version = currentVersion ?? First;
        var history = JsonNode.Parse(historyJson ?? "[]") as JsonArray ?? [];
        history.Add(new JsonObject { ["version"] = version, [CatalogueKeys.Form] = current });
        return new FormPublication(version + 1, next.ToJsonString(), history.ToJsonString());
    }

    /// <summary>The schema a dossier filed under <paramref name="version"/> renders and validates with; the current one when it is unknown or absent.</summary>
    public static string FormJsonFor(Procedure procedure, int? version)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return version is { } v && v != procedure.FormVersion && procedure.FormHistory.FirstOrDefault(h => h.Version == v) is { } old
            ? old.FormJson
            : procedure.FormJson;
    }

    /// <summary>Reads the form_history field; entries without a number or a schema are dropped.</summary>
    public static IReadOnlyList<FormSchemaVersion> ParseHistory(JsonElement history) =>
        history.ValueKind != JsonValueKind.Array
            ? []
            : [.. history.EnumerateArray()
                .Where(h => h.ValueKind == JsonValueKind.Object
                    && h.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number
                    && h.TryGetProperty(CatalogueKeys.Form, out var f) && f.ValueKind == JsonValueKind.Array)
                .Select(h => new FormSchemaVersion(h.GetProperty("version").GetInt32(), h.GetProperty(CatalogueKeys.Form).GetRawText()))];
}

/// <summary>An earlier schema of a procedure's form.</summary>
public sealed record FormSchemaVersion(int Version, string FormJson);

/// <summary>What publishing a changed schema writes: the new number, the schema, and the history holding the one it replaced.</summary>
public sealed record FormPublication(int Version, string FormJson, string HistoryJson);
