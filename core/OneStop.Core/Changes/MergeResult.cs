namespace OneStop.Core.Changes;

/// <summary>What applying one change to a replica's copy of a record produced.</summary>
/// <param name="Record">The record after the merge.</param>
/// <param name="Applied">The incoming fields that won and now stand in the record.</param>
/// <param name="Conflicts">
/// Conflicts found by this change: each pair of an incoming write with a write already held, never a
/// pair reported before. Over any order of arrival a replica reports every pair exactly once.
/// </param>
public sealed record MergeResult(StoredRecord Record, IReadOnlyList<FieldChange> Applied, IReadOnlyList<FieldConflict> Conflicts);
