using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Dossiers;
using OneStop.Core.Merge;

namespace OneStop.Core.Tests.Merge;

/// <summary>
/// Three replicas editing one dossier with their own skewed clocks (hours apart, at realistic epoch
/// milliseconds) and partial, relayed exchanges: the writes it produces carry the versions, replaced versions
/// and vectors real nodes would make. It also records who saw which write of each field, as it happened,
/// so a test can judge concurrency without the product's rule (<see cref="OpenConflictsByCausality"/>).
/// </summary>
internal sealed class ReplicaSimulation
{
    private const long Start = 1_733_011_200_000;
    private const long Hour = 3_600_000;
    private static readonly string[] Fields = [DossierFields.Status, DossierFields.ApplicantName, "form.phone", RecordTombstone.Field, AppendOnlyFields.Notes];
    private static readonly string[] Statuses = Enum.GetValues<DossierStatus>().Select(status => status.ToName()).ToArray();
    private static readonly long[] Skews = [0, (2 * Hour) + 13_517, (-3 * Hour) - 401_229];

    // Per write (origin, seq, field): the writes of that field its writer had seen.
    private readonly Dictionary<(string, long, string), HashSet<(string, long, string)>> _past = [];

    private ReplicaSimulation(int count)
    {
        Replicas = Enumerable.Range(0, count).Select(i => new Replica(this, $"node-{(char)('a' + i)}", Start + Skews[i % Skews.Length])).ToList();
    }

    public List<Replica> Replicas { get; }

    /// <summary>Every entry written by any replica, each once, in (origin, seq) order.</summary>
    public IReadOnlyList<ChangeEntry> AllEntries =>
        Replicas.SelectMany(replica => replica.Applied).DistinctBy(Key).OrderBy(entry => entry.OriginNode, StringComparer.Ordinal).ThenBy(entry => entry.OriginSeq).ToList();

    public static ReplicaSimulation Run(IEnumerable<SimulationOp> ops)
    {
        var simulation = new ReplicaSimulation(3);
        foreach (var op in ops)
        {
            simulation.Step(op);
        }

        return simulation;
    }

    /// <summary>Every replica pulls everything the others hold, so all have seen every write.</summary>
    public void Heal()
    {
        var all = AllEntries;
        foreach (var replica in Replicas)
        {
            foreach (var entry in all)
            {
                replica.Receive(entry);
            }
        }
    }

    /// <summary>
    /// The conflicts a replica holding every write must list, judged from the recorded history: pairs of
    /// writes neither of whose writers had seen the other, that disagree, and of which no write saw either side.
    /// </summary>
    public IReadOnlyList<(FieldChange A, FieldChange B)> OpenConflictsByCausality()
    {
        var writes = AllEntries.SelectMany(entry => entry.Fields.Select(field => (Key: (entry.OriginNode, entry.OriginSeq, field.Name), Write: field))).ToList();
        var open = new List<(FieldChange, FieldChange)>();
        foreach (var group in writes.GroupBy(write => write.Write.Name))
        {
            var field = group.ToList();
            bool Saw((string, long, string) later, (string, long, string) earlier) => _past[later].Contains(earlier);
            bool Current((string, long, string) key) => !field.Any(other => Saw(other.Key, key));
            for (var i = 0; i < field.Count; i++)
            {
                for (var j = i + 1; j < field.Count; j++)
                {
                    var (a, b) = (field[i], field[j]);
                    if (!Saw(a.Key, b.Key) && !Saw(b.Key, a.Key) && Current(a.Key) && Current(b.Key) && Disagree(a.Write, b.Write))
                    {
                        open.Add((a.Write, b.Write));
                    }
                }
            }
        }

        return open;
    }

    private static bool Disagree(FieldChange a, FieldChange b) =>
        !WriteIdentity.SameValue(a, b) && (a.Name != DossierFields.Status || !DossierStatusRank.OnePathApart(a, b));

    private static (string, long) Key(ChangeEntry entry) => (entry.OriginNode, entry.OriginSeq);

    private void Step(SimulationOp op)
    {
        var replica = Replicas[op.Node % Replicas.Count];
        replica.Time.AdjustTime(replica.Time.GetUtcNow().AddMilliseconds(op.Advance));
        switch (op.Kind)
        {
            case 0 or 1:
                replica.Write([Fields[op.Field % Fields.Length]], op.Value);
                break;
            case 2:
                replica.Write([Fields[op.Field % Fields.Length], Fields[(op.Field + 1) % Fields.Length]], op.Value);
                break;
            default:
                var peer = Replicas[op.Peer % Replicas.Count];
                var take = op.Kind == 3 ? op.Take : int.MaxValue;
                foreach (var entry in peer.Applied.Where(entry => !replica.Holds(entry)).Take(take).ToList())
                {
                    replica.Receive(entry);
                }

                break;
        }
    }

    internal sealed class Replica(ReplicaSimulation simulation, string node, long startMs)
    {
        private readonly HashSet<(string, long)> _held = [];
        private readonly Dictionary<string, HashSet<(string, long, string)>> _seen = new(StringComparer.Ordinal);
        private long _seq;

        public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(startMs));

        public HybridLogicalClock Clock => field ??= new HybridLogicalClock(Time, node);

        public StoredRecord? Record { get; private set; }

        public List<ChangeEntry> Applied { get; } = [];

        /// <summary>Every conflict this replica reported over its life, by id.</summary>
        public Dictionary<Guid, FieldConflict> Conflicts { get; } = [];

        public bool Holds(ChangeEntry entry) => _held.Contains(Key(entry));

        public void Write(IEnumerable<string> fields, int value)
        {
            var version = Clock.Now();
            var seq = ++_seq;
            var changes = fields.Distinct().Select(name => MakeWrite(name, value, version, seq)).ToList();
            foreach (var change in changes)
            {
                simulation._past[(node, seq, change.Name)] = [.. Seen(change.Name)];
            }

            Apply(new ChangeEntry(node, seq, Writes.RecordId, RecordTypes.Dossier, "79999", changes));
        }

        public void Receive(ChangeEntry entry)
        {
            if (Holds(entry))
            {
                return;
            }

            foreach (var change in entry.Fields)
            {
                Clock.Observe(change.Version);
            }

            Apply(entry);
        }

        private HashSet<(string, long, string)> Seen(string field)
        {
            if (!_seen.TryGetValue(field, out var seen))
            {
                seen = [];
                _seen[field] = seen;
            }

            return seen;
        }

        private void Apply(ChangeEntry entry)
        {
            foreach (var change in entry.Fields)
            {
                var key = (entry.OriginNode, entry.OriginSeq, change.Name);
                Seen(change.Name).Add(key);
                Seen(change.Name).UnionWith(simulation._past[key]);
            }

            var result = RecordMerge.Apply(Record, entry);
            Record = result.Record;
            Applied.Add(entry);
            _held.Add(Key(entry));
            foreach (var conflict in result.Conflicts)
            {
                Assert.True(Conflicts.TryAdd(conflict.Id, conflict), $"conflict {conflict.Id} reported twice on {node}");
            }
        }

        private FieldChange MakeWrite(string name, int value, HlcTimestamp version, long seq)
        {
            if (name == AppendOnlyFields.Notes)
            {
                var id = new Guid((int)seq, (short)node[^1], (short)value, new byte[8]);
                return AppendOnlyFields.Append(AppendOnlyFields.Notes, id, Writes.Json($"note {seq}"), version);
            }

            if (name == DossierFields.Status)
            {
                return FieldWrites.Set(Record, name, Writes.Json(Statuses[value % Statuses.Length]), version);
            }

            if (name == RecordTombstone.Field)
            {
                return value % 2 == 0 ? RecordTombstone.Delete(Record, version) : RecordTombstone.Restore(Record, version);
            }

            return value % 4 == 3
                ? FieldWrites.Delete(Record, name, version)
                : FieldWrites.Set(Record, name, Writes.Json(((char)('x' + (value % 4))).ToString()), version);
        }
    }
}
