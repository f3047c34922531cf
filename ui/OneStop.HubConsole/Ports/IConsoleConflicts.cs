using System.Security.Claims;

namespace OneStop.HubConsole.Ports;

/// <summary>
/// Open conflicts across the province. Resolving goes through the hub's one resolve path (core ConflictReview, the
/// rule the node's conflict page uses too); only province admins resolve, each resolution audited.
/// </summary>
public interface IConsoleConflicts
{
    Task<IReadOnlyList<ConflictView>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Settles a conflict with one side's value (JSON as recorded).</summary>
    Task<ConsoleResult> ResolveAsync(ClaimsPrincipal actor, Guid conflictId, ConflictSide keep, CancellationToken cancellationToken);
}

public enum ConflictSide
{
    Winner,
    Loser,
}

/// <summary>One open conflict: the value the merge kept (WinnerJson, null when that write deleted the field) and the one it set aside.</summary>
public sealed record ConflictView(
    Guid Id, Guid RecordId, string RecordType, string Scope, string Field,
    string? WinnerJson, string WinnerNode, long WinnerWallMs, string? LoserJson, string LoserNode, long LoserWallMs);
