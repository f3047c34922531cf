namespace OneStop.Core.Merge;

/// <summary>How the writes of one field are ranked to pick the value every replica shows.</summary>
public enum FieldRule
{
    /// <summary>Highest (HLC, node) wins.</summary>
    LastWriterWins,

    /// <summary>Dossier status: further along the life cycle wins; within one rank, last writer wins.</summary>
    StatusLifecycle,

    /// <summary>Element of an append-only collection: the first write stands, so an element is never replaced.</summary>
    AppendOnce,
}
