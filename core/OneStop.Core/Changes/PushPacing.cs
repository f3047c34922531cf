namespace OneStop.Core.Changes;

/// <summary>
/// How a node shapes its push to the link it measured: batch size from the goodput, batches in flight from the
/// round trip. Concurrent pushes share one HTTP/2 connection, so their bytes interleave and each batch reaches the hub
/// only when about a window's worth has crossed: large batches made every batch of a window land together and the
/// hub's commits ran back to back while the uplink idled (1.35 × the link's lower bound on L2, 1.39 × on L3 with 200
/// entries × 4 in flight). Batches of about <see cref="BatchSeconds"/> of link time keep the hub's commit of one
/// overlapped with the transfer of the next, and enough of them in flight cover the round trip.
/// </summary>
public static class PushPacing
{
    /// <summary>Link time one batch should take: 0.5 s, long enough that a batch compresses well and its fixed costs
    /// (frame headers, one hub transaction) stay small, short enough that the last batch's commit is a small tail.</summary>
    public const double BatchSeconds = 0.5;

    /// <summary>What the hub's commit of a batch adds to the round trip before its reply leaves: 0.1 s.</summary>
    public const double CommitAllowanceSeconds = 0.1;

    /// <summary>Smallest batch (encoded bytes before compression): 32 KiB, below which compression and per-batch
    /// costs lose more than a shorter tail gains (and on L1 a 32 KiB batch is already about a second of link).</summary>
    public const int MinBatchBytes = 32 * 1024;

    /// <summary>
    /// The batch size and window for the next batch.
    /// </summary>
    /// <param name="link">What the node measured; <see cref="LinkEstimate.Unknown"/> before the first sample.</param>
    /// <param name="maxBatchBytes">The node's bound on a batch (Sync:MaxBatchBytes).</param>
    /// <param name="maxWindow">Batches in flight the node and the hub allow (1 is stop-and-wait).</param>
    public static PushPlan Plan(LinkEstimate link, int maxBatchBytes, int maxWindow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWindow, 1);
        var floor = Math.Min(MinBatchBytes, maxBatchBytes);
        var batchBytes = link.GoodputBytesPerSecond is > 0 and var rate
            ? (int)Math.Clamp(rate * BatchSeconds, floor, maxBatchBytes)
            : maxBatchBytes;

        // One batch on the wire, enough behind it to cover the round trip and the commit, and one spare for a slow commit.
        var window = link.RoundTripSeconds is >= 0 and var rtt
            ? (int)Math.Ceiling((rtt + CommitAllowanceSeconds) / BatchSeconds) + 2
            : maxWindow;
        return new PushPlan(batchBytes, Math.Clamp(window, 1, maxWindow));
    }

    /// <summary>
    /// Whether the hub's reply to a batch says it holds all of it. The only rule, whatever the window: the hub applies
    /// a batch whole and answers with its acknowledgement at that moment, which may already include later batches (or
    /// a repeat it held before the round); an acknowledgement short of the batch's last seq means it did not take it.
    /// </summary>
    public static bool Acknowledges(long ackedOriginSeq, long batchLastSeq) => ackedOriginSeq >= batchLastSeq;
}

/// <summary>The size of the next push batch (encoded bytes before compression) and how many batches may be in flight.</summary>
public readonly record struct PushPlan(int BatchBytes, int Window);

/// <summary>
/// A node's view of its link to the hub: the round trip (lowest recent Hello), and the goodput of its pushes in encoded
/// bytes before compression per second (so it is in the unit batches are bounded in, and the compression ratio is in it).
/// Negative or zero means not measured yet.
/// </summary>
public readonly record struct LinkEstimate(double RoundTripSeconds, double GoodputBytesPerSecond)
{
    public static LinkEstimate Unknown { get; } = new(-1, 0);
}
