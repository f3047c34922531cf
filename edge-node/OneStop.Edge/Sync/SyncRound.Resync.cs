using OneStop.Core.Repair;

namespace OneStop.Edge.Sync;

public sealed partial class SyncRound
{
    /// <summary>Resets the pull cursor after the hub said it is not from its log, and notes it for the desk.</summary>
    private async Task ResyncAsync(string sentMark, string hubMark, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reason = !string.IsNullOrEmpty(sentMark) && CursorMark.EpochOf(sentMark) != CursorMark.EpochOf(hubMark)
            ? "the hub's log has a new epoch (restored with the restore command)"
            : "the hub's log no longer holds what this node pulled (restored from a copy)";
        await store.ResetPullCursorAsync(reason, now.ToUnixTimeMilliseconds(), cancellationToken);
        status.Update(s => s with { LastResync = now });
    }
}
