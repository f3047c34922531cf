namespace OneStop.Edge.Clock;

/// <summary>Keys of the edge store's meta table kept by <see cref="ClockWatch"/>.</summary>
internal static class ClockMetaKeys
{
    /// <summary>The newest hub time seen at a handshake (Unix ms): with the hybrid clock, the newest time the node knows.</summary>
    public const string NewestSeenMs = "clock_newest_seen_ms";

    /// <summary>Node minus hub at the last handshake, remembered across a restart without network.</summary>
    public const string LastHubOffsetMs = "clock_last_hub_offset_ms";

    /// <summary>1 once <see cref="LastHubOffsetMs"/> holds a measurement (0 is a valid offset).</summary>
    public const string LastHubOffsetKnown = "clock_last_hub_offset_known";
}
