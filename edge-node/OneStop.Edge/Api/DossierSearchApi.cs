using OneStop.Edge.Dossiers;
using OneStop.Edge.Store;

namespace OneStop.Edge.Api;

/// <summary>
/// The desk's dossier search for scripts and tests (GET /api/dossiers/search?text=): the same query the desk list
/// runs, by a resident's name with or without diacritics, a CCCD number or its start, or a dossier code.
/// </summary>
public static class DossierSearchApi
{
    public static RouteGroupBuilder MapDossierSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/dossiers/search", async (string? text, int? limit, DossierSearch search, CancellationToken ct) =>
        {
            var page = await search.SearchAsync(new DossierSearchCriteria(text, null, null, null, null, 0, limit ?? 25), ct);
            return Results.Ok(page.Items.Select(DossierView.From));
        });
        return api;
    }
}
