using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Edge.Store;
using OneStop.Edge.Sync;

namespace OneStop.Edge.Attachments.Scans;

/// <summary>The original behind a shrunk scan: read it on the node, or send it to the hub with the next round.</summary>
public static class ScanOriginalsApi
{
    public static void MapScanOriginalsApi(IEndpointRouteBuilder api)
    {
        api.MapGet("/attachments/{id:guid}/original", async (Guid id, EdgeStore store, ScanOriginals originals, HttpContext http, CancellationToken ct) =>
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return await OriginalShaAsync(store, id, ct) is { } sha && await originals.ReadAsync(sha, ct) is { } found
                ? Results.File(found.Content, found.ContentType)
                : Results.NotFound();
        });
        api.MapPost("/attachments/{id:guid}/original/upload", async (Guid id, EdgeStore store, ScanOriginals originals, SyncAgent agent, CancellationToken ct) =>
        {
            if (await OriginalShaAsync(store, id, ct) is not { } sha || !await originals.ReleaseAsync(sha, ct))
            {
                return Results.NotFound();
            }

            agent.RequestSync();
            return Results.Accepted();
        });
    }

    private static async Task<string?> OriginalShaAsync(EdgeStore store, Guid id, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { Type: RecordTypes.Attachment } record && record.GetJson("original_sha256") is { } json
            ? JsonSerializer.Deserialize<string>(json)
            : null;
}
