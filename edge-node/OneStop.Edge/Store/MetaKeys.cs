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

    /// <summary>
    /// The incarnation the change log belongs to (a UUIDv7). Absent in a store of the build before incarnations
    /// with log entries: that store is the legacy incarnation "". Whoever writes a new one (a salvage) deletes
    /// <see cref="PushAcked"/> and <see cref="PullCursor"/>: the hub acknowledges 0 and the whole log is pushed again.
    /// </summary>
    public const string Incarnation = "incarnation";

    /// <summary>The machine the store was bound to at first start; another machine means a moved or cloned card.</summary>
    public const string MachineIdentity = "machine_identity";

    /// <summary>Why and when the node last started a new incarnation, for the desk (JSON).</summary>
    public const string IncarnationNote = "incarnation_note";
}
