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
            try
            {
                FormSchemaParser.Parse(body.GetRawText());
            }
            catch (Exception ex) when (ex is FormSchemaException or JsonException or InvalidOperationException or KeyNotFoundException)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a form schema.", detail: ex.Message);
            }

            var version = await PublishAsync(store, code, body.GetRawText(), ct);
            return version is null ? Results.NotFound(new { error = $"No procedure '{code}'." }) : Results.Ok(new { code, version });
        });
        return api;
    }

    /// <returns>The version now current (unchanged when the schema equals it); null when there is no such procedure.</returns>
    public static async Task<int?> PublishAsync(HubStore store, string code, string formJson, CancellationToken cancellationToken)
    {
        var id = CatalogueRecords.RecordId(code);
        if (await store.GetAsync(id, cancellationToken) is not { Type: RecordTypes.Procedure } record)
        {
            return null;
        }

        using var document = JsonDocument.Parse(RecordData.Of(record).DataJson);
        var current = document.RootElement;
        int? currentVersion = current.TryGetProperty(FormSchemaVersions.FormVersion, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
        var publication = FormSchemaVersions.Publish(
            current.TryGetProperty(CatalogueKeys.Form, out var form) ? form.GetRawText() : null,
            currentVersion,
            current.TryGetProperty(FormSchemaVersions.FormHistory, out var history) ? history.GetRawText() : null,
            formJson);
        if (publication is null)
        {
            return currentVersion ?? FormSchemaVersions.First;
        }

        await store.WriteAsHubAsync(id, RecordTypes.Procedure, Scopes.Global, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [CatalogueKeys.Form] = publication.FormJson,
            [FormSchemaVersions.FormVersion] = publication.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [FormSchemaVersions.FormHistory] = publication.HistoryJson,
        }, cancellationToken);
        return publication.Version;
    }
}
