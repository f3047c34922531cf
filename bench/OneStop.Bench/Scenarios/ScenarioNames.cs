namespace OneStop.Bench;

/// <summary>The scenario commands in the order of issue 6, then later issues' (repair-bytes: issue 22).</summary>
internal static class ScenarioNames
{
    public static readonly string[] Names =
    [
        "wire-ratio", "backlog-drain", "attachments", "cuts", "round-trips", "hub-ingest", "idle-connections", "edge-footprint", "repair-bytes", "store-check", "desk-budget",
        "scan-legibility", "idle-day",
        "national-replay",
    ];
}
