namespace OneStop.Edge.Store;

/// <summary>Keys of the edge store's meta table.</summary>
public static class MetaKeys
{
    /// <summary>Last HLC reading, so the clock never goes backwards across a restart.</summary>
    public const string Clock = "hlc";

    /// <summary>Highest own change-log seq the hub acknowledged.</summary>
    public const string PushAcked = "push_acked";

    /// <summary>Hub log position this node has applied up to.</summary>
    public const string PullCursor = "pull_cursor";

    /// <summary>This store's incarnation: a random id made when the store is (re)created, so its log never collides with an earlier one's.</summary>
    public const string Incarnation = "incarnation";
}
