using OneStop.Core.Merge;

namespace OneStop.Core.Changes;

/// <summary>
/// Merge of two versions of one field under last-writer-wins on (HLC, node). Records go through
/// <see cref="RecordMerge"/>, which also applies the domain rules (<see cref="FieldRules"/>).
/// </summary>
public static class FieldMerge
{
    /// <summary>The version of a field that wins between what a replica holds and what arrives.</summary>
    public static FieldChange Resolve(FieldChange? local, FieldChange incoming) => Resolve(FieldRule.LastWriterWins, local, incoming);

    /// <summary>The version of a field that wins under <paramref name="rule"/>.</summary>
    public static FieldChange Resolve(FieldRule rule, FieldChange? local, FieldChange incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (local is null)
        {
            return incoming;
        }

        return WriteOrder.Compare(rule, incoming, local) > 0 ? incoming : local;
    }
}
