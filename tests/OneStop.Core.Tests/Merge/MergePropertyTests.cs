using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OneStop.Core.Changes;
using OneStop.Core.Dossiers;
using static OneStop.Core.Tests.Merge.Writes;

namespace OneStop.Core.Tests.Merge;

/// <summary>
/// The algebraic laws that make replicas converge, over random histories (fixed seeds).
/// Two properties also count how many of their cases exercise what they claim (three different replica states, an
/// open conflict left after healing): FsCheck.Xunit.v3 runs every case of a [Property] on one instance of this class
/// and disposes it afterwards, failing the test when Dispose throws, so the counts are fields and Dispose asserts them.
/// A property whose cases all passed vacuously therefore still fails.
/// </summary>
[Properties(Arbitrary = [typeof(MergeArbitraries)], MaxTest = MergeGenerators.Cases)]
public sealed class MergePropertyTests : IDisposable
{
    private readonly CaseCounts _laws = new();
    private readonly CaseCounts _healed = new();

    [Property(Replay = "20260101," + MergeGenerators.Gamma)]
    public bool Apply_AnyOrderWithDuplicatesOfSimulatedEntries_SameRecordAndConflicts(List<SimulationOp> ops, ShuffleSeed seed) =>
        SameWhateverTheOrder(ReplicaSimulation.Run(ops).AllEntries, seed.Value);

    [Property(Replay = "7," + MergeGenerators.Gamma)]
    public bool Apply_AnyOrderWithDuplicatesOfArbitraryWrites_SameRecordAndConflicts(List<ChangeEntry> entries, ShuffleSeed seed) =>
        SameWhateverTheOrder(entries, seed.Value);

    [Property(Replay = "42," + MergeGenerators.Gamma)]
    public bool Merge_ReplicaStates_CommutativeAssociativeIdempotent(List<SimulationOp> ops)
    {
        // A history where fewer than three replicas hold the record proves nothing here: counted, checked in Dispose.
        _laws.Runs++;
        _laws.Cases++;
        var states = ReplicaSimulation.Run(ops).Replicas.Select(replica => replica.Record).OfType<StoredRecord>().ToList();
        if (states.Count < 3)
        {
            _laws.Vacuous++;
            return true;
        }

        if (states.Select(Canonical).Distinct().Count() == 3)
        {
            _laws.Interesting++;
        }

        var (a, b, c) = (states[0], states[1], states[2]);
        var commutative = Canonical(RecordMerge.Merge(a, b).Record) == Canonical(RecordMerge.Merge(b, a).Record);
        var associative = Canonical(RecordMerge.Merge(RecordMerge.Merge(a, b).Record, c).Record)
            == Canonical(RecordMerge.Merge(a, RecordMerge.Merge(b, c).Record).Record);
        var idempotent = Canonical(RecordMerge.Merge(a, a).Record) == Canonical(a)
            && RecordMerge.Merge(a, a).Conflicts.Count == 0;
        return commutative && associative && idempotent;
    }

    [Property(Replay = "1717," + MergeGenerators.Gamma)]
    public bool Heal_AnyHistory_OpenConflictsAreTheCurrentPairsThatNeverSawEachOther(List<SimulationOp> ops)
    {
        // Concurrency from the recorded history of who saw what, not from versions or vectors.
        _healed.Runs++;
        var simulation = ReplicaSimulation.Run(ops);
        simulation.Heal();
        if (simulation.AllEntries.Count == 0)
        {
            return true;
        }

        _healed.Cases++;
        var expected = simulation.OpenConflictsByCausality().Select(pair => Pair(pair.A, pair.B)).Order(StringComparer.Ordinal).ToList();
        _healed.Interesting += expected.Count > 0 ? 1 : 0;
        return simulation.Replicas.All(replica =>
            RecordMerge.OpenConflicts(replica.Record).Select(c => Pair(c.Winner, c.Loser)).Order(StringComparer.Ordinal).SequenceEqual(expected));
    }

    [Property(Replay = "99," + MergeGenerators.Gamma)]
    public bool Heal_AfterRandomPartialExchanges_ReplicasIdenticalWithSameConflicts(List<SimulationOp> ops)
    {
        var simulation = ReplicaSimulation.Run(ops);
        simulation.Heal();
        var replicas = simulation.Replicas;
        if (simulation.AllEntries.Count == 0)
        {
            return true;
        }

        var record = Canonical(replicas[0].Record!);
        var conflicts = Canonical(replicas[0].Conflicts.Values);
        var expectedConflicts = Canonical(RecordMerge.Conflicts(replicas[0].Record));
        return conflicts == expectedConflicts
            && replicas.All(replica => Canonical(replica.Record!) == record && Canonical(replica.Conflicts.Values) == conflicts);
    }

    // "Not undone by a write that did not see it": a write that saw it (a reviewer's resolution) supersedes it.
    [Property(Replay = "5," + MergeGenerators.Gamma)]
    public bool Heal_AnyHistoryWithResultReturnedNoLaterWriteSaw_StatusIsResultReturned(List<SimulationOp> ops)
    {
        var returned = Json(DossierStatus.ResultReturned.ToName());
        var simulation = ReplicaSimulation.Run(ops);
        simulation.Heal();
        var statuses = simulation.AllEntries.SelectMany(entry => entry.Fields).Where(field => field.Name == DossierFields.Status).ToList();
        var standing = statuses.Any(field => field.Json == returned
            && !statuses.Any(other => other.Version > field.Version && other.Replaced >= field.Version));
        return !standing || simulation.Replicas.All(replica => replica.Record!.GetJson(DossierFields.Status) == returned);
    }

    /// <summary>The vacuity checks of the counted properties, after all their cases ran (see the class summary).</summary>
    public void Dispose()
    {
        if (_laws.Runs > 0)
        {
            // Measured with this seed: 400 cases, 59 vacuous, 317 with three different states (as under Check.One).
            Assert.True(_laws.Vacuous * 5 < _laws.Cases, $"{_laws.Vacuous} of {_laws.Cases} cases had fewer than three replicas holding the record");
            Assert.True(_laws.Interesting * 2 > _laws.Cases, $"only {_laws.Interesting} of {_laws.Cases} cases merged three different states");
        }

        if (_healed.Runs > 0)
        {
            // Measured with this seed: 249 of 394 healed histories leave at least one open conflict (as under Check.One).
            Assert.True(_healed.Interesting * 2 > _healed.Cases, $"only {_healed.Interesting} of {_healed.Cases} healed histories left an open conflict to compare");
        }
    }

    [Fact]
    public void History_SampledWithTheTestSizes_ProducesConflictsOfEveryKind()
    {
        // Guards the properties above against passing vacuously on histories without concurrency.
        var conflicts = Gen.Sample(MergeGenerators.History, 50, new Rnd(1), 200)
            .Select(ops =>
            {
                var simulation = ReplicaSimulation.Run(ops);
                simulation.Heal();
                return simulation.Replicas[0].Conflicts.Values;
            })
            .SelectMany(found => found)
            .ToList();

        Assert.Contains(conflicts, conflict => conflict.Field == DossierFields.Status);
        Assert.Contains(conflicts, conflict => conflict.Field == DossierFields.ApplicantName);
        Assert.Contains(conflicts, conflict => conflict.Winner.Deleted || conflict.Loser.Deleted);
    }

    private static string Pair(FieldChange a, FieldChange b) =>
        string.CompareOrdinal(a.ToString(), b.ToString()) < 0 ? $"{a} | {b}" : $"{b} | {a}";

    /// <summary>
    /// Applying the entries in (origin, seq) order and in a shuffled order with duplicates gives the same
    /// record, the same conflicts (each reported once) and exactly the conflicts the final record holds.
    /// </summary>
    private static bool SameWhateverTheOrder(IReadOnlyList<ChangeEntry> entries, int seed)
    {
        if (entries.Count == 0)
        {
            return true;
        }

        var (reference, referenceConflicts) = ApplyAll(entries);
        var (shuffled, shuffledConflicts) = ApplyAll(MergeGenerators.ShuffledWithDuplicates(entries, seed));
        return Canonical(reference) == Canonical(shuffled)
            && shuffledConflicts.Select(conflict => conflict.Id).Distinct().Count() == shuffledConflicts.Count
            && Canonical(referenceConflicts) == Canonical(shuffledConflicts)
            && Canonical(RecordMerge.Conflicts(shuffled)) == Canonical(shuffledConflicts);
    }

    /// <summary>How many cases a property ran, how many proved nothing and how many hit the branch it is about.</summary>
    private sealed class CaseCounts
    {
        public int Runs { get; set; }

        public int Cases { get; set; }

        public int Vacuous { get; set; }

        public int Interesting { get; set; }
    }
}
