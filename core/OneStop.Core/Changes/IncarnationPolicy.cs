namespace OneStop.Core.Changes;

/// <summary>
/// When a node's change log must start a new incarnation. A node's log is identified by (node id,
/// incarnation); the hub acknowledges per incarnation, so a log that ran backwards (reinstalled, restored
/// from a backup) or forked (a cloned card) starts a new incarnation instead of reusing seqs the hub already
/// holds for different entries. Pure decisions: the edge store and sync round act on them.
/// </summary>
public static class IncarnationPolicy
{
    /// <summary>The incarnation of a store written by the build before incarnations: the hub treats it as before.</summary>
    public const string Legacy = "";

    /// <summary>
    /// At start: a store without an incarnation gets one if its log is empty (a fresh store) and stays legacy
    /// otherwise (an upgrade); a store bound to another machine than the one it runs on was moved or cloned.
    /// An unknown current machine binds nothing, so a box that cannot read its identity never re-incarnates by it.
    /// </summary>
    public static StartDecision AtStart(string? storedIncarnation, bool logEmpty, string? boundMachine, string? currentMachine)
    {
        if (storedIncarnation is null && logEmpty)
        {
            return StartDecision.NewStore;
        }

        if (string.IsNullOrEmpty(currentMachine))
        {
            return StartDecision.Keep;
        }

        if (string.IsNullOrEmpty(boundMachine))
        {
            return StartDecision.Bind;
        }

        return string.Equals(boundMachine, currentMachine, StringComparison.Ordinal) ? StartDecision.Keep : StartDecision.Moved;
    }

    /// <summary>
    /// After the hub's handshake. <paramref name="hubAcked"/> is what the hub acknowledged for this incarnation,
    /// <paramref name="localHead"/> the highest seq of the node's log, <paramref name="recordedAcked"/> the
    /// acknowledgement the node itself wrote down. An acknowledgement above the head means the hub holds entries
    /// of this incarnation the node no longer has (a backup was restored, or a clone pushed further): the node's
    /// next seqs would collide with them, so it re-incarnates and re-logs what the hub never confirmed to it.
    /// Otherwise it pushes from the lower of the two acknowledgements: entries the hub acknowledged without the
    /// node hearing it are sent again so the hub compares their digests (a clone that cannot be told by its
    /// machine is caught there), at the cost of one repeated batch after a crash between commit and ack.
    /// </summary>
    public static IncarnationDecision AfterHello(long hubAcked, long localHead, long recordedAcked)
    {
        var recorded = Math.Clamp(recordedAcked, 0, localHead);
        return hubAcked > localHead
            ? IncarnationDecision.Reincarnate(IncarnationReason.Regressed, recorded)
            : IncarnationDecision.Continue(Math.Min(Math.Max(hubAcked, 0), recorded));
    }

    /// <summary>The hub refused a batch because it holds different entries under the same seqs: this log forked.</summary>
    public static IncarnationDecision AfterClash(long localHead, long recordedAcked) =>
        IncarnationDecision.Reincarnate(IncarnationReason.Clash, Math.Clamp(recordedAcked, 0, localHead));
}

/// <summary>What a store does with its incarnation at start.</summary>
public enum StartDecision
{
    /// <summary>An empty store without an incarnation: make one and bind it to this machine.</summary>
    NewStore,

    /// <summary>Same machine (or no machine known): carry on.</summary>
    Keep,

    /// <summary>No machine recorded yet (a store of the previous build): record this one, carry on.</summary>
    Bind,

    /// <summary>The store was made on another machine: a moved or cloned card. Start a new incarnation.</summary>
    Moved,
}

/// <summary>Why a node started a new incarnation; the desk and the fleet view say it in words.</summary>
public enum IncarnationReason
{
    /// <summary>The store runs on another machine than the one it was made on (moved or cloned card).</summary>
    Moved,

    /// <summary>The hub acknowledged more of this log than the node holds (restored backup).</summary>
    Regressed,

    /// <summary>The hub holds different entries under this log's seqs (the identity runs on two machines).</summary>
    Clash,

    /// <summary>A fresh store of a node the hub already knew (reinstalled): no re-log, earlier writes come back by pull.</summary>
    Rebuilt,
}

/// <param name="StartsNewIncarnation">Whether to start a new incarnation.</param>
/// <param name="PushAfter">When continuing: push own entries after this seq.</param>
/// <param name="RelogAfter">When re-incarnating: own entries after this seq are logged again under the new incarnation.</param>
/// <param name="Reason">Why, when re-incarnating.</param>
public sealed record IncarnationDecision(bool StartsNewIncarnation, long PushAfter, long RelogAfter, IncarnationReason? Reason)
{
    public static IncarnationDecision Continue(long pushAfter) => new(false, pushAfter, 0, null);

    public static IncarnationDecision Reincarnate(IncarnationReason reason, long relogAfter) => new(true, 0, relogAfter, reason);
}
