using OneStop.Core.Changes;
using OneStop.Core.Clock;

namespace OneStop.Simulation.Tests.Wire;

/// <summary>One field write a node acknowledged, and every acknowledged write its node had seen when it wrote.</summary>
internal sealed record AckedWrite(string Node, string Commune, long Seq, Guid RecordId, FieldChange Field, HashSet<(string Node, long Seq)> Past);

/// <summary>
/// The expected end state, written afresh from the sync document's rules and kept away from core's merge code:
/// which write a node had seen is known from what happened in the run (its own earlier writes, and every entry of
/// its scope at or below the pull cursor it committed, with everything those writers had seen), never from the
/// versions or vectors the product stamps. Per field of a record, the writes no other write saw are the current
/// ones; the field shows the one with the latest clock reading (wall, counter, node id), and every two current
/// writes with different values are one open conflict, the later clock its winner.
/// </summary>
internal sealed class CausalOracle
{
    private readonly Dictionary<(string Node, long Seq), List<AckedWrite>> _writes = [];
    private readonly Dictionary<string, HashSet<(string Node, long Seq)>> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _pulledTo = new(StringComparer.Ordinal);

    public IEnumerable<(string Node, long Seq)> Acknowledged => _writes.Keys;

    public IReadOnlyList<AckedWrite> FieldsOf((string Node, long Seq) write) => _writes[write];

    /// <summary>A local write committed and returned: its log entry is the acknowledged write.</summary>
    public void Wrote(string node, string commune, ChangeEntry entry)
    {
        var seen = Seen(node);
        var key = (node, entry.OriginSeq);
        var past = new HashSet<(string Node, long Seq)>(seen);
        _writes[key] = [.. entry.Fields.Select(field => new AckedWrite(node, commune, entry.OriginSeq, entry.RecordId, field, past))];
        seen.Add(key);
    }

    /// <summary>
    /// The node's committed pull cursor is <paramref name="cursor"/>: it has merged every entry of its scope in the
    /// hub log up to there (<paramref name="log"/>: the hub log its commune may read, in order), and their pasts.
    /// </summary>
    public void PulledTo(string node, long cursor, IReadOnlyList<HubLogEntry> log)
    {
        var from = _pulledTo.GetValueOrDefault(node);
        if (cursor <= from)
        {
            return;
        }

        var seen = Seen(node);
        foreach (var entry in log.Where(entry => entry.HubSeq > from && entry.HubSeq <= cursor))
        {
            var key = (entry.Change.OriginNode, entry.Change.OriginSeq);
            if (_writes.TryGetValue(key, out var fields))
            {
                seen.Add(key);
                seen.UnionWith(fields[0].Past);
            }
        }

        _pulledTo[node] = cursor;
    }

    /// <summary>What every replica of <paramref name="commune"/> must show: per record and field, the winner.</summary>
    public Dictionary<(Guid Record, string Field), FieldChange> ExpectedFields(string commune) =>
        Current(commune).ToDictionary(pair => pair.Key, pair => pair.Value.Aggregate((best, next) => Later(next.Field.Version, best.Field.Version) ? next : best).Field);

    /// <summary>The open conflicts every replica of <paramref name="commune"/> must list, as comparable keys.</summary>
    public HashSet<string> ExpectedConflicts(string commune)
    {
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ((record, field), current) in Current(commune))
        {
            for (var i = 0; i < current.Count; i++)
            {
                for (var j = i + 1; j < current.Count; j++)
                {
                    var (a, b) = (current[i].Field, current[j].Field);
                    if (a.Deleted == b.Deleted && a.Json == b.Json)
                    {
                        continue;
                    }

                    open.Add(Later(a.Version, b.Version) ? ConflictKey(record, field, a, b) : ConflictKey(record, field, b, a));
                }
            }
        }

        return open;
    }

    /// <summary>Fields of <paramref name="commune"/> where two writes neither of which saw the other were made.</summary>
    public int ConcurrentFields(string commune) =>
        ByField(commune).Count(pair => pair.Value.Any(a => pair.Value.Any(b => !ReferenceEquals(a, b) && !Saw(a, b) && !Saw(b, a))));

    /// <summary>Causally ordered writes whose clock readings say otherwise: the HLC failed to follow what a writer saw.</summary>
    public IEnumerable<string> ClockInversions(string commune) =>
        from pair in ByField(commune)
        from later in pair.Value
        from earlier in pair.Value
        where Saw(later, earlier) && !Later(later.Field.Version, earlier.Field.Version)
        select $"{later.Node}#{later.Seq} saw {earlier.Node}#{earlier.Seq} on {pair.Key.Field} but its clock {later.Field.Version} is not later than {earlier.Field.Version}";

    public static string ConflictKey(Guid record, string field, FieldChange winner, FieldChange loser) =>
        $"{record} {field}: {winner.Json ?? "(deleted)"} @{winner.Version} over {loser.Json ?? "(deleted)"} @{loser.Version}";

    /// <summary>The HLC order as the document states it: wall ms, then counter, then node id (ordinal).</summary>
    public static bool Later(HlcTimestamp a, HlcTimestamp b) =>
        a.WallMs != b.WallMs ? a.WallMs > b.WallMs
        : a.Counter != b.Counter ? a.Counter > b.Counter
        : string.CompareOrdinal(a.Node, b.Node) > 0;

    private static bool Saw(AckedWrite later, AckedWrite earlier) => later.Past.Contains((earlier.Node, earlier.Seq));

    private Dictionary<(Guid Record, string Field), List<AckedWrite>> ByField(string commune)
    {
        var byField = new Dictionary<(Guid Record, string Field), List<AckedWrite>>();
        foreach (var write in _writes.Values.SelectMany(fields => fields).Where(write => write.Commune == commune))
        {
            var key = (write.RecordId, write.Field.Name);
            if (!byField.TryGetValue(key, out var list))
            {
                list = [];
                byField[key] = list;
            }

            list.Add(write);
        }

        return byField;
    }

    private Dictionary<(Guid Record, string Field), List<AckedWrite>> Current(string commune) =>
        ByField(commune).ToDictionary(pair => pair.Key, pair => pair.Value.Where(write => !pair.Value.Exists(other => Saw(other, write))).ToList());

    private HashSet<(string Node, long Seq)> Seen(string node)
    {
        if (!_seen.TryGetValue(node, out var seen))
        {
            seen = [];
            _seen[node] = seen;
        }

        return seen;
    }
}
