namespace OneStop.Hub.Store;

/// <summary>Why a pushed batch was refused as a whole; nothing of it was stored.</summary>
public enum PushRefusal
{
    /// <summary>An entry claims another origin than the calling node.</summary>
    ForgedOrigin,

    /// <summary>An entry writes outside the node's commune, or writes reference data.</summary>
    OutOfScope,

    /// <summary>The batch skips seqs after the hub's acknowledgement: something was lost on the node.</summary>
    Gap,

    /// <summary>An entry cannot be decoded.</summary>
    Malformed,

    /// <summary>A different entry under a seq the hub acknowledged: the node's log forked (cloned card, restored copy).</summary>
    IdentityClash,
}

public sealed class PushRefusedException(PushRefusal reason, string message) : Exception(message)
{
    public PushRefusal Reason { get; } = reason;
}
