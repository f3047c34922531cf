using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Repair;

namespace OneStop.Core.Tests.Repair;

public sealed class DigestExchangeTests
{
    [Fact]
    public void Answer_SameRecordsOnBothSides_NoDifferenceAfterOneSummary()
    {
        var leaves = Leaves(new Random(1), 5_000);
        var asker = new DigestTree(leaves);
        var responder = new DigestTree(leaves.AsEnumerable().Reverse());

        var answers = DigestExchange.Answer(responder, [asker.Root]);

        Assert.Empty(answers);
    }

    [Theory]
    [InlineData(1, 0, 0, 0)]
    [InlineData(2, 1, 0, 0)]
    [InlineData(3, 0, 1, 0)]
    [InlineData(4, 0, 0, 1)]
    [InlineData(5, 40, 70, 25)]
    [InlineData(6, 3_000, 0, 0)]
    public void Exchange_RandomDifferences_FindsExactlyTheRecordsEachSideLacksOrHoldsDifferently(int seed, int onlyAsker, int onlyResponder, int changed)
    {
        var random = new Random(seed);
        var common = Leaves(random, 4_000);
        var askerOnly = Leaves(random, onlyAsker);
        var responderOnly = Leaves(random, onlyResponder);
        var changedIds = common.Take(changed).Select(leaf => leaf.Id).ToHashSet();
        var asker = new DigestTree([.. common, .. askerOnly]);
        var responder = new DigestTree([.. common.Select(leaf => changedIds.Contains(leaf.Id) ? leaf with { Hash = leaf.Hash ^ 0x5555 } : leaf), .. responderOnly]);

        var (send, fetch, steps) = Run(asker, responder);

        // Expected from how the two sets were built, not from the exchange.
        Assert.Equal(askerOnly.Select(l => l.Id).Concat(changedIds).ToHashSet(), send);
        Assert.Equal(responderOnly.Select(l => l.Id).Concat(changedIds).ToHashSet(), fetch);
        Assert.InRange(steps, 1, DigestRange.MaxDepth + 1);
    }

    [Fact]
    public void Exchange_OneRecordMissingAmong4000_RefinesOnlyTheBranchesThatDiffer()
    {
        var random = new Random(7);
        var common = Leaves(random, 4_000);
        var missing = Leaves(random, 1);
        var asker = new DigestTree([.. common, .. missing]);
        var responder = new DigestTree(common);

        var ranges = 0;
        var ask = new List<DigestRange> { asker.Root };
        var send = new List<Guid>();
        while (ask.Count > 0)
        {
            ranges += ask.Count;
            var step = DigestExchange.Next(asker, DigestExchange.Answer(responder, ask));
            send.AddRange(step.Send);
            ask = [.. step.Ask];
        }

        Assert.Equal([missing[0].Id], send);

        // One range per level on the path to the record: 4,000 records over 16-way levels, leaves at 32 or fewer.
        Assert.InRange(ranges, 2, 4);
    }

    [Fact]
    public void Hash_SameWritesInAnyOrder_SameHash_AndAnotherWrite_AnotherHash()
    {
        var id = Guid.CreateVersion7();
        var a = new FieldChange("applicant_name", "\"Lò Văn A\"", false, new HlcTimestamp(1000, 0, "node-a"), HlcTimestamp.Zero);
        var b = new FieldChange("applicant_name", "\"Lò Văn B\"", false, new HlcTimestamp(2000, 0, "node-b"), HlcTimestamp.Zero);
        var status = new FieldChange("status", "\"received\"", false, new HlcTimestamp(1000, 0, "node-a"), HlcTimestamp.Zero);
        var first = RecordMerge.Apply(RecordMerge.Apply(null, Entry(id, a, status)).Record, Entry(id, b)).Record;
        var second = RecordMerge.Apply(RecordMerge.Apply(null, Entry(id, b)).Record, Entry(id, status, a)).Record;
        var without = RecordMerge.Apply(null, Entry(id, a, status)).Record;

        Assert.Equal(RecordDigest.Hash(first), RecordDigest.Hash(second));
        Assert.NotEqual(RecordDigest.Hash(first), RecordDigest.Hash(without));
    }

    [Fact]
    public void Contains_RangeOfPrefix_HoldsExactlyThePositionsStartingWithIt()
    {
        var range = new DigestRange(0xA500_0000_0000_0000, 2, 0, 0);

        Assert.True(range.Contains(0xA5FF_FFFF_FFFF_FFFF));
        Assert.True(range.Contains(0xA500_0000_0000_0000));
        Assert.False(range.Contains(0xA600_0000_0000_0000));
        Assert.Equal(16, range.ChildRanges().Count());
        Assert.All(range.ChildRanges(), child => Assert.True(child.Depth == 3 && range.Contains(child.Prefix)));
    }

    private static (HashSet<Guid> Send, HashSet<Guid> Fetch, int Steps) Run(DigestTree asker, DigestTree responder)
    {
        var send = new HashSet<Guid>();
        var fetch = new HashSet<Guid>();
        var ask = new List<DigestRange> { asker.Root };
        var steps = 0;
        while (ask.Count > 0 && steps <= DigestRange.MaxDepth)
        {
            steps++;
            var step = DigestExchange.Next(asker, DigestExchange.Answer(responder, ask));
            send.UnionWith(step.Send);
            fetch.UnionWith(step.Fetch);
            ask = [.. step.Ask];
        }

        return (send, fetch, steps);
    }

    private static DigestLeaf[] Leaves(Random random, int count) =>
    [
        .. Enumerable.Range(0, count).Select(_ =>
        {
            var id = new Guid(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16));
            return new DigestLeaf(id, RecordDigest.Position(id), (ulong)random.NextInt64());
        }),
    ];

    private static ChangeEntry Entry(Guid id, params FieldChange[] fields) => new("node-a", 1, id, RecordTypes.Dossier, "03006", fields);
}
