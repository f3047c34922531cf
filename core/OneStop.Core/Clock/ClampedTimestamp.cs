namespace OneStop.Core.Clock;

/// <summary>A timestamp after the hub's plausibility check, and whether the check had to pull it back.</summary>
public readonly record struct ClampedTimestamp(HlcTimestamp Timestamp, bool Clamped);
