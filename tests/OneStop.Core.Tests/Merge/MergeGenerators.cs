using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Dossiers;

namespace OneStop.Core.Tests.Merge;

/// <summary>Generators and the fixed-seed configuration of the merge properties.</summary>
internal static class MergeGenerators
{
    /// <summary>At least a few hundred cases, replayable: a failure prints the same counter-example every run.</summary>
    public static Config Config(int seed, int cases = 400) =>
        FsCheck.Config.QuickThrowOnFailure
            .WithMaxTest(cases)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd((ulong)seed), FSharpOption<int>.None)));

    public static Gen<SimulationOp> Op =>
        from node in Gen.Choose(0, 2)
        from kind in Gen.Frequency((5, Gen.Choose(0, 2)), (3, Gen.Constant(3)), (1, Gen.Constant(4)))
        from fieldIndex in Gen.Choose(0, 4)
        from value in Gen.Choose(0, 15)
        from peer in Gen.Choose(0, 2)
        from advance in Gen.Frequency((6, Gen.Choose(0, 2)), (1, Gen.Choose(-5, -1)), (1, Gen.Choose(10, 50)))
        from take in Gen.Choose(1, 4)
        select new SimulationOp(node, kind, fieldIndex, value, peer, advance, take);

    public static Gen<List<SimulationOp>> History =>
        from count in Gen.Choose(1, 40)
        from ops in Gen.ListOf(Op, count)
        select ops.ToList();

    /// <summary>
    /// Writes with arbitrary versions and replaced versions over tiny domains: equal versions with
    /// different values, replaced after version, every status. The merge must converge on garbage too.
    /// </summary>
    public static Gen<ChangeEntry> RawEntry =>
        from writes in Gen.ListOf(RawWrite, 2)
        from take in Gen.Choose(1, 2)
        select new ChangeEntry("raw", 0, Writes.RecordId, RecordTypes.Dossier, "79999", writes.Take(take).ToList());

    public static Gen<List<ChangeEntry>> RawEntries =>
        from count in Gen.Choose(1, 12)
        from entries in Gen.ListOf(RawEntry, count)
        select entries.ToList();

    private static Gen<FieldChange> RawWrite =>
        from name in Gen.Elements(DossierFields.Status, DossierFields.ApplicantName, "notes/1")
        from wall in Gen.Choose(0, 5)
        from node in Gen.Elements("a", "b")
        from replacedWall in Gen.Choose(0, 5)
        from replacedNode in Gen.Elements("a", "b", string.Empty)
        from value in Gen.Choose(0, 8)
        select value == 8
            ? new FieldChange(name, null, true, new HlcTimestamp(wall, 0, node), new HlcTimestamp(replacedWall, 0, replacedNode))
            : FieldChange.Set(name, Writes.Json(Enum.GetValues<DossierStatus>()[value].ToName()), new HlcTimestamp(wall, 0, node), new HlcTimestamp(replacedWall, 0, replacedNode));

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
