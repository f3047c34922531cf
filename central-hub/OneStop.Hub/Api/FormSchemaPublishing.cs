using System.Text.Json;
using OneStop.Core.Catalogue;
using OneStop.Core.Changes;
using OneStop.Core.Forms;
using OneStop.Hub.Store;
using OneStop.Storage;

namespace OneStop.Hub.Api;

/// <summary>
/// Publishing a changed form schema for a procedure (<see cref="FormSchemaVersions"/>): a new version, the schema it
/// replaces kept in the history, so nodes render and check dossiers filed under the old one with it.
/// </summary>
public static class FormSchemaPublishing
{
    /// <summary>PUT /api/procedures/{code}/form with the schema (a JSON array) as the body.</summary>
    public static RouteGroupBuilder MapFormSchemaPublishing(this RouteGroupBuilder api)
    {
        api.MapPut("/procedures/{code}/form", async (string code, JsonElement body, HubStore store, CancellationToken ct) =>
        {
            if (Refusal(body) is { } refusal)
            {
                return refusal;
            }

            var version = await PublishAsync(store, code, body.GetRawText(), ct);
            return version is null ? Results.NotFound(new { error = $"No procedure '{code}'." }) : Results.Ok(new { code, version });
        });
        return api;
    }

    /// <summary>A 400 saying why <paramref name="form"/> is not a schema the nodes can read; null when it is.</summary>
    public static IResult? Refusal(JsonElement form)
    {
        try
        {
            FormSchemaParser.Parse(form.GetRawText());
            return null;
        }
        catch (Exception ex) when (ex is FormSchemaException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a form schema.", detail: ex.Message);
        }
    }

    /// <returns>The version now current (unchanged when the schema equals it); null when there is no such procedure.</returns>
    public static async Task<int?> PublishAsync(HubStore store, string code, string formJson, CancellationToken cancellationToken)
    {
        var id = CatalogueRecords.RecordId(code);
        if (await store.GetAsync(id, cancellationToken) is not { Type: RecordTypes.Procedure } record)
        {
            return null;
        }

        var dataJson = RecordData.Of(record).DataJson;
        if (PublicationFields(dataJson, formJson) is not { } fields)
        {
            return CurrentVersion(dataJson);
        }

        await store.WriteAsHubAsync(id, RecordTypes.Procedure, Scopes.Global, fields, cancellationToken);
        return int.Parse(fields[FormSchemaVersions.FormVersion]!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The fields a hub write sets to publish <paramref name="formJson"/> over the procedure <paramref name="dataJson"/>:
    /// the schema, its new number, and the history with the schema it replaces; null when it equals the one in force.
    /// Every door that changes a form goes through here, so none can replace a schema without a version.
    /// </summary>
    public static Dictionary<string, string?>? PublicationFields(string dataJson, string formJson)
    {
        using var document = JsonDocument.Parse(dataJson);
        var current = document.RootElement;
        var publication = FormSchemaVersions.Publish(
            current.TryGetProperty(CatalogueKeys.Form, out var form) ? form.GetRawText() : null,
            VersionOf(current),
            current.TryGetProperty(FormSchemaVersions.FormHistory, out var history) ? history.GetRawText() : null,
            formJson);
        return publication is null ? null : new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [CatalogueKeys.Form] = publication.FormJson,
            [FormSchemaVersions.FormVersion] = publication.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [FormSchemaVersions.FormHistory] = publication.HistoryJson,
        };
    }

    private static int CurrentVersion(string dataJson)
    {
        using var document = JsonDocument.Parse(dataJson);
        return VersionOf(document.RootElement) ?? FormSchemaVersions.First;
    }

    private static int? VersionOf(JsonElement procedure) =>
        procedure.ValueKind == JsonValueKind.Object && procedure.TryGetProperty(FormSchemaVersions.FormVersion, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
}
