namespace OneStop.Bench;

/// <summary>The scenario commands in the order of issue 6.</summary>
internal static class ScenarioNames
{
    public static readonly string[] Names =
    [
        "wire-ratio", "backlog-drain", "attachments", "cuts", "round-trips", "hub-ingest", "idle-connections", "edge-footprint", "store-check",
    ];
}
