namespace OneStop.Ui.Ports;

/// <summary>
/// Fields two offices wrote without seeing each other: the merge picked a winner on every replica alike, and
/// keeps the other value here until staff confirm one. Commune admin and staff only, checked by the adapter.
/// </summary>
public interface IDeskConflicts
{
    Task<IReadOnlyList<DeskConflict>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Settles a conflict with one side's value; false when it was settled meanwhile (here or elsewhere).</summary>
    Task<bool> ResolveAsync(Guid conflictId, ConflictSideChoice keep, CancellationToken cancellationToken = default);
}

public enum ConflictSideChoice
{
    /// <summary>The value every replica shows now.</summary>
    Shown,

    /// <summary>The value that lost the merge.</summary>
    Other,
}

/// <param name="Id">The conflict's id, the same on every replica.</param>
/// <param name="RecordId">The record both wrote.</param>
/// <param name="RecordType">dossier, payment, ...</param>
/// <param name="Field">The field both wrote.</param>
/// <param name="Shown">The side the merge chose.</param>
/// <param name="Other">The side kept for review.</param>
public sealed record DeskConflict(Guid Id, Guid RecordId, string RecordType, string Field, ConflictSide Shown, ConflictSide Other);

/// <param name="Json">The value as JSON; null when that side deleted the field.</param>
/// <param name="Node">The node that wrote it.</param>
/// <param name="At">When, by that node's hybrid clock.</param>
public sealed record ConflictSide(string? Json, string Node, DateTimeOffset At);
