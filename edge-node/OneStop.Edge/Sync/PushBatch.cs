using OneStop.Protocol.Mapping;
using OneStop.Protocol.V1;

namespace OneStop.Edge.Sync;

/// <summary>
/// Turns log entries into one push message that fits the hub's limit. An entry too large to fit alone would
/// fail every push after it, forever: it goes as a stand-in without fields (quarantined) so the rest flows.
/// </summary>
public static class PushBatch
{
    /// <summary>Room for the message's own framing and the request around the entries.</summary>
    private const int Headroom = 1024;

    /// <param name="entries">Unacknowledged entries in seq order.</param>
    /// <param name="maxMessageBytes">The largest message the hub takes (from Hello; 0 when it did not say).</param>
    /// <param name="quarantined">Entries replaced by a stand-in, with their encoded size.</param>
    public static List<ChangeEntry> Build(IReadOnlyList<Core.Changes.ChangeEntry> entries, int maxMessageBytes, out List<(Core.Changes.ChangeEntry Entry, int Bytes)> quarantined)
    {
        var budget = maxMessageBytes > Headroom ? maxMessageBytes - Headroom : int.MaxValue;
        quarantined = [];
        var batch = new List<ChangeEntry>(entries.Count);
        var total = 0;
        foreach (var entry in entries)
        {
            var wire = ChangeMapper.ToWire(entry);
            var size = wire.CalculateSize() + 8;
            if (size > budget)
            {
                quarantined.Add((entry, size));
                wire = ChangeMapper.ToWire(entry with { Fields = [], Quarantined = true });
                size = wire.CalculateSize() + 8;
            }

            if (batch.Count > 0 && total + size > budget)
            {
                break;
            }

            batch.Add(wire);
            total += size;
        }

        return batch;
    }
}
