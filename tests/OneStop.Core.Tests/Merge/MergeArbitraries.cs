using FsCheck;
using FsCheck.Fluent;
using OneStop.Core.Changes;

namespace OneStop.Core.Tests.Merge;

/// <summary>The merge generators as FsCheck arbitraries, for <c>[Property(Arbitrary = [typeof(MergeArbitraries)])]</c>.</summary>
public static class MergeArbitraries
{
    public static Arbitrary<List<SimulationOp>> History() => MergeGenerators.History.ToArbitrary();

    public static Arbitrary<List<ChangeEntry>> RawEntries() => MergeGenerators.RawEntries.ToArbitrary();

    public static Arbitrary<ShuffleSeed> ShuffleSeed() => Gen.Choose(0, int.MaxValue).Select(seed => new ShuffleSeed(seed)).ToArbitrary();
}

/// <summary>Seeds the shuffle of a delivery order; any non-negative int, not FsCheck's small sized ints.</summary>
public readonly record struct ShuffleSeed(int Value);
