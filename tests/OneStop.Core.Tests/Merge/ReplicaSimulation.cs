using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Dossiers;
using OneStop.Core.Merge;
using OneStop.Core.Tests.Clock;

namespace OneStop.Core.Tests.Merge;

/// <summary>
/// Three replicas editing one dossier with their own skewed clocks and partial, relayed exchanges:
/// the writes it produces carry the versions and replaced versions real nodes would make.
/// </summary>
internal sealed class ReplicaSimulation
{
    private const long Start = 1_700_000_000_000;
    private static readonly string[] Fields = [DossierFields.Status, DossierFields.ApplicantName, "form.phone", RecordTombstone.Field, AppendOnlyFields.Notes];
    private static readonly string[] Statuses = Enum.GetValues<DossierStatus>().Select(status => status.ToName()).ToArray();
    private static readonly long[] Skews = [0, 3, -4];

    private ReplicaSimulation(int count)
    {
        Replicas = Enumerable.Range(0, count).Select(i => new Replica($"node-{(char)('a' + i)}", Start + Skews[i % Skews.Length])).ToList();
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

    private static (string, long) Key(ChangeEntry entry) => (entry.OriginNode, entry.OriginSeq);

    private void Step(SimulationOp op)
    {
        var replica = Replicas[op.Node % Replicas.Count];
        replica.Time.Advance(op.Advance);
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

    internal sealed class Replica(string node, long startMs)
    {
        private readonly HashSet<(string, long)> _held = [];
        private long _seq;

        public ManualTimeProvider Time { get; } = new(startMs);

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

        private void Apply(ChangeEntry entry)
        {
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
