using OneStop.Core.Audit;

namespace OneStop.Edge.Audit;

/// <summary>The audit log over the node's API (behind its key): the entries, and the chain's check.</summary>
public static class EdgeAuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (long? after, int? max, EdgeAuditLog audit, CancellationToken ct) =>
            Results.Ok((await audit.ReadAfterAsync(after ?? 0, Math.Clamp(max ?? 500, 1, 5000), ct)).Select(Json)));
        api.MapGet("/audit/verify", async (EdgeAuditLog audit, CancellationToken ct) =>
        {
            var result = await audit.VerifyAsync(ct);
            var (chainId, hubHeld) = await audit.ReadPositionAsync(ct);
            return Results.Ok(new { holds = result.Holds, entries = result.Entries, brokenAt = result.Break?.Sequence, reason = result.Break?.Reason.ToString(), text = result.Describe(), chainId, hubHeld });
        });
        return api;
    }

    private static object Json(ChainedAuditEntry e) => new
    {
        sequence = e.Entry.Sequence,
        atMs = e.Entry.AtMs,
        actor = e.Entry.Actor,
        action = e.Entry.Action,
        subject = e.Entry.Subject,
        detail = e.Entry.Detail,
        previousHash = e.PreviousHash,
        hash = e.Hash,
    };
}
