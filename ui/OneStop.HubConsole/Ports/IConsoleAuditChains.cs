namespace OneStop.HubConsole.Ports;

/// <summary>The audit chains the hub holds (its own and every node's): a filtered list, and each chain's check.</summary>
public interface IConsoleAuditChains
{
    /// <summary>Entries matching the filter, newest first, at most 500.</summary>
    Task<IReadOnlyList<AuditRow>> SearchAsync(AuditFilter filter, CancellationToken cancellationToken);

    /// <summary>Re-checks each chain (of one node, or all) from its first entry.</summary>
    Task<IReadOnlyList<AuditChainCheck>> VerifyAsync(string? nodeId, CancellationToken cancellationToken);

    /// <summary>The chains whose entries arrived with a broken link (cheap: no re-check), for the fleet view.</summary>
    Task<IReadOnlyList<AuditChainCheck>> FlaggedAsync(CancellationToken cancellationToken);
}

/// <summary>Blank or null means any. Days are calendar days in Vietnam, both ends included.</summary>
public sealed record AuditFilter(string? NodeId = null, string? Actor = null, string? Dossier = null, DateOnly? From = null, DateOnly? To = null);

public sealed record AuditRow(string NodeId, long Sequence, long AtMs, string Actor, string Action, string Subject, string? Detail);

/// <summary>
/// One chain's state: how many entries held when re-checked and the first broken link then (null when it holds),
/// and the break flagged when entries arrived, which stays even if the stored copy looks whole.
/// </summary>
public sealed record AuditChainCheck(string NodeId, string ChainId, long Entries, long? BrokenAt, string? Reason, long? FlaggedAt, string? FlaggedReason);
