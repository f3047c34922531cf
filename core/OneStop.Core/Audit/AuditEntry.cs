namespace OneStop.Core.Audit;

/// <summary>One thing someone did, before it is chained.</summary>
/// <param name="Sequence">Position in its chain, from 1 with no gaps.</param>
/// <param name="AtMs">When, in Unix milliseconds by the writer's clock.</param>
/// <param name="Actor">Who: the signed-in user name.</param>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="Subject">What it was done to: a dossier id, an account, a setting; empty when nothing in particular.</param>
/// <param name="Detail">Anything else worth keeping (which field, which report); null when nothing.</param>
public sealed record AuditEntry(long Sequence, long AtMs, string Actor, string Action, string Subject, string? Detail);

/// <summary>An entry in its chain: the hash of the entry before it, and its own hash over both.</summary>
public sealed record ChainedAuditEntry(AuditEntry Entry, string PreviousHash, string Hash);

/// <summary>Why a chain is broken at an entry.</summary>
public enum AuditBreakReason
{
    /// <summary>The entry's content no longer hashes to the hash stored with it: it was edited.</summary>
    HashMismatch,

    /// <summary>The entry names a previous hash that is not the hash of the entry before it: one was removed, replaced or reordered.</summary>
    PreviousHashMismatch,

    /// <summary>The sequence does not follow the one before it: an entry was removed or inserted.</summary>
    SequenceGap,
}

/// <summary>The first link of a chain that does not hold.</summary>
public sealed record AuditChainBreak(long Sequence, AuditBreakReason Reason);
