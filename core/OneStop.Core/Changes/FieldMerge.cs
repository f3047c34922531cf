namespace OneStop.Core.Changes;

/// <summary>
/// Merge of one field's versions: last writer wins on (HLC, node). Pure and deterministic, so every
/// replica that has seen the same writes holds the same value.
/// </summary>
public static class FieldMerge
{
    /// <summary>The version of a field that wins between what a replica holds and what arrives.</summary>
    public static FieldChange Resolve(FieldChange? local, FieldChange incoming)
    {
        if (local is null)
        {
            return incoming;
        }

        return incoming.Version > local.Version ? incoming : local;
    }
}
