namespace OneStop.Core.Repair;

/// <summary>
/// The responder's answer for one range the asker summarised differently: its own content of the range and
/// either its non-empty sub-ranges (to refine further) or, once the range is small, its records in it.
/// </summary>
/// <param name="Range">The responder's content of the range.</param>
/// <param name="Children">Its non-empty sub-ranges; absent ones hold nothing. Empty when <paramref name="Leaves"/> is set.</param>
/// <param name="Leaves">Its records in the range, when listed instead of refined.</param>
public sealed record DigestDifference(DigestRange Range, IReadOnlyList<DigestRange> Children, IReadOnlyList<DigestLeaf>? Leaves);
