using FsCheck;
using FsCheck.Fluent;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Dossiers;
using OneStop.Core.Merge;

namespace OneStop.Core.Tests.Merge;

/// <summary>Generators and the fixed-seed settings of the merge properties.</summary>
internal static class MergeGenerators
{
    /// <summary>
    /// The gamma FsCheck's <c>new Rnd(seed)</c> uses, so a [Property]'s Replay "seed," + Gamma is the seed the
    /// properties were pinned to: a failure prints the same counter-example every run.
    /// </summary>
    public const string Gamma = "11400714819323198485";

    /// <summary>At least a few hundred cases per property.</summary>
    public const int Cases = 400;

    public static Gen<SimulationOp> Op =>
        from node in Gen.Choose(0, 2)
        from kind in Gen.Frequency((5, Gen.Choose(0, 2)), (3, Gen.Constant(3)), (1, Gen.Constant(4)))
        from fieldIndex in Gen.Choose(0, 4)
        from value in Gen.Choose(0, 15)
        from peer in Gen.Choose(0, 2)
        from advance in Gen.Frequency((6, Gen.Choose(0, 2_000)), (1, Gen.Choose(-300_000, -1)), (1, Gen.Choose(10_000, 3_600_000)))
        from take in Gen.Choose(1, 4)
        select new SimulationOp(node, kind, fieldIndex, value, peer, advance, take);

    public static Gen<List<SimulationOp>> History =>
        from count in Gen.Choose(1, 40)
        from ops in Gen.ListOf(Op, count)
        select ops.ToList();

    /// <summary>
    /// Writes with arbitrary versions, replaced versions and vectors over small domains of realistic readings
    /// (epoch milliseconds a day apart or one apart, counters up to the maximum): equal versions with
    /// different values, replaced after version, vectors covering the write itself, every status. The merge
    /// must converge on garbage too.
    /// </summary>
    public static Gen<ChangeEntry> RawEntry =>
        from writes in Gen.ListOf(RawWrite, 2)
        from take in Gen.Choose(1, 2)
        select new ChangeEntry("raw", 0, Writes.RecordId, RecordTypes.Dossier, "79999", writes.Take(take).ToList());

    public static Gen<List<ChangeEntry>> RawEntries =>
        from count in Gen.Choose(1, 12)
        from entries in Gen.ListOf(RawEntry, count)
        select entries.ToList();

    private const long Base = 1_733_011_200_000;
    private const long Day = 86_400_000;

    private static Gen<HlcTimestamp> Reading(params string[] nodes) =>
        from wall in Gen.Elements(Base - Day, Base - 1, Base, Base + 1, Base + (Day / 24))
        from counter in Gen.Elements(0, 1, 7, HlcTimestamp.MaxCounter)
        from node in Gen.Elements(nodes)
        select new HlcTimestamp(wall, counter, node);

    private static Gen<VersionVector> Vector =>
        Gen.Frequency(
            (2, Gen.Constant(VersionVector.Empty)),
            (3, from entries in Gen.ListOf(Reading("a", "b", "c"), 2) from take in Gen.Choose(1, 2) select VersionVector.Of(entries.Take(take))));

    private static Gen<FieldChange> RawWrite =>
        from name in Gen.Elements(DossierFields.Status, DossierFields.ApplicantName, "notes/1")
        from version in Reading("a", "b")
        from replaced in Gen.Frequency((1, Gen.Constant(HlcTimestamp.Zero)), (3, Reading("a", "b", string.Empty)))
        from seen in Vector
        from value in Gen.Choose(0, 8)
        let write = value == 8
            ? new FieldChange(name, null, true, version, replaced)
            : FieldChange.Set(name, Writes.Json(Enum.GetValues<DossierStatus>()[value].ToName()), version, replaced)
        select write with { Seen = seen };

    /// <summary>The entries in a random order, some of them twice.</summary>
    public static List<ChangeEntry> ShuffledWithDuplicates(IReadOnlyList<ChangeEntry> entries, int seed)
    {
        var random = new System.Random(seed);
        var list = entries.ToList();
        list.AddRange(entries.Where(_ => random.Next(3) == 0));
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
