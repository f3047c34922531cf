namespace OneStop.Core.Changes;

/// <summary>
/// When a node's next sync round starts. Three regimes: a round that moved something is followed after the configured
/// interval (more may be coming); idle rounds back off, doubling up to a cap, because every round costs bytes on a
/// metered link even with nothing to say (about 1.4 KB a round on a cold connection: 15 s rounds cost 8 MB a day); a failed round is retried soon, so a
/// returning link is noticed within seconds whatever the idle cadence was. A local write wakes the node at once in
/// every regime (the agent's wake signal), so the backoff delays only what the hub has for the node.
/// </summary>
public static class SyncCadence
{
    /// <summary>The pause before the next round.</summary>
    /// <param name="interval">The configured interval after a round that moved something.</param>
    /// <param name="idleCap">Longest pause after idle rounds; at or below <paramref name="interval"/> no backoff.</param>
    /// <param name="offlineRetry">Longest pause after a failed round.</param>
    /// <param name="idleRounds">Rounds in a row that succeeded and moved nothing (0 after one that moved something).</param>
    /// <param name="failed">Whether the last round failed.</param>
    public static TimeSpan NextPause(TimeSpan interval, TimeSpan idleCap, TimeSpan offlineRetry, int idleRounds, bool failed)
    {
        if (failed)
        {
            return interval < offlineRetry ? interval : offlineRetry;
        }

        if (idleRounds <= 0 || idleCap <= interval)
        {
            return interval;
        }

        // Doubling, capped before it can overflow: 2^20 intervals is past any cap a day allows.
        var grown = interval * Math.Pow(2, Math.Min(idleRounds, 20));
        return grown < idleCap ? grown : idleCap;
    }
}
