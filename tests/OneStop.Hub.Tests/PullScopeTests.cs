using OneStop.Core.Changes;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.Protocol.Mapping;
using OneStop.Protocol.V1;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests;

/// <summary>What a node gets back: its commune and global data, in log order, resumable from a cursor.</summary>
public sealed class PullScopeTests : IAsyncLifetime
{
    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await StartAsync(new Dictionary<string, string?> { ["Hub:MaxPullEntries"] = "5" });

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Pull_TwoCommunes_EachNodeSeesOnlyItsCommuneAndGlobal()
    {
        using var a = _hub.Client(NodeA, KeyA);
        using var b = _hub.Client(NodeB, KeyB);
        var fromA = Changes.Dossier(NodeA, 1, CommuneA, "Lò Văn Hùng");
        var fromB = Changes.Dossier(NodeB, 1, CommuneB, "Cầm Thị Hoa");
        await a.Sync.PushAsync(Changes.Push(NodeA, fromA));
        await b.Sync.PushAsync(Changes.Push(NodeB, fromB));

        var seenByA = await PullAllAsync(a, 0);

        Assert.Contains(seenByA, e => e.RecordId == fromA.RecordId);
        Assert.DoesNotContain(seenByA, e => e.RecordId == fromB.RecordId);
        Assert.All(seenByA, e => Assert.True(e.Scope is Scopes.Global or CommuneA, e.Scope));
        Assert.Equal(22, seenByA.Count(e => e.RecordType == RecordTypes.Procedure));
    }

    [Fact]
    public async Task Pull_FromCursor_ResumesAfterItInOrderAcrossSeveralMessages()
    {
        using var a = _hub.Client(NodeA, KeyA);
        var all = new List<HubEntry>();
        await foreach (var reply in a.Sync.PullAsync(new PullRequest { NodeId = NodeA }))
        {
            Assert.True(reply.Entries.Count <= 5);
            all.AddRange(reply.Entries);
        }

        var cut = all[7].HubSeq;
        var resumed = new List<HubEntry>();
        await foreach (var reply in a.Sync.PullAsync(new PullRequest { NodeId = NodeA, AfterCursor = cut }))
        {
            resumed.AddRange(reply.Entries);
        }

        Assert.Equal(all.Skip(8).Select(e => e.HubSeq), resumed.Select(e => e.HubSeq));
        Assert.Equal(all.Select(e => e.HubSeq).Order(), all.Select(e => e.HubSeq));
    }

    [Fact]
    public async Task Push_ClockOneDayAhead_IsClampedInTheLogAndFlagged()
    {
        using var a = _hub.Client(NodeA, KeyA);
        var hello = await a.Sync.HelloAsync(new HelloRequest { NodeId = NodeA, CommuneCode = CommuneA, NodeWallMs = 0 });
        var dayAhead = hello.HubWallMs + (long)TimeSpan.FromDays(1).TotalMilliseconds;
        var entry = Changes.Dossier(NodeA, 1, CommuneA, "Sùng A Páo", wallMs: dayAhead);

        await a.Sync.PushAsync(Changes.Push(NodeA, entry));
        var pulled = (await PullAllAsync(a, 0)).Single(e => e.RecordId == entry.RecordId);

        Assert.True(pulled.ClockClamped);
        Assert.All(pulled.Fields, f => Assert.True(f.Version.WallMs < dayAhead - (long)TimeSpan.FromHours(23).TotalMilliseconds, $"{f.Version}"));
    }

    [Fact]
    public async Task Pull_OwnEntriesTheNodeHolds_NotSentBackUnlessClampedOrTheNodeIsRebuilt()
    {
        using var a = _hub.Client(NodeA, KeyA);
        var hello = await a.Sync.HelloAsync(new HelloRequest { NodeId = NodeA, CommuneCode = CommuneA });
        var plain = Changes.Dossier(NodeA, 1, CommuneA, "Lò Văn Hùng");
        var dayAhead = Changes.Dossier(NodeA, 2, CommuneA, "Sùng A Páo", wallMs: hello.HubWallMs + (long)TimeSpan.FromDays(1).TotalMilliseconds);
        await a.Sync.PushAsync(Changes.Push(NodeA, plain, dayAhead));

        var holdingBoth = await PullAllAsync(a, 0, ownSeqHeld: 2);
        var rebuilt = await PullAllAsync(a, 0, ownSeqHeld: 0);

        Assert.DoesNotContain(holdingBoth, e => e.RecordId == plain.RecordId);
        Assert.Contains(holdingBoth, e => e.RecordId == dayAhead.RecordId && e.ClockClamped);
        Assert.Contains(rebuilt, e => e.RecordId == plain.RecordId);
        Assert.Contains(rebuilt, e => e.RecordId == dayAhead.RecordId);
    }

    [Fact]
    public async Task Pull_LastMessage_CursorIsTheLogHeadEvenPastEntriesTheNodeCannotSee()
    {
        using var a = _hub.Client(NodeA, KeyA);
        using var b = _hub.Client(NodeB, KeyB);
        await b.Sync.PushAsync(Changes.Push(NodeB, Changes.Dossier(NodeB, 1, CommuneB, "Cầm Thị Hoa")));
        var head = await _hub.Store.ReadLogHeadAsync();

        long last = 0;
        await foreach (var reply in a.Sync.PullAsync(new PullRequest { NodeId = NodeA }))
        {
            last = reply.Cursor;
        }

        Assert.Equal(head, last);
    }

    private static async Task<List<Core.Changes.ChangeEntry>> PullAllAsync(NodeClient node, long after, long ownSeqHeld = 0)
    {
        var entries = new List<Core.Changes.ChangeEntry>();
        await foreach (var reply in node.Sync.PullAsync(new PullRequest { NodeId = node.NodeId, AfterCursor = after, OwnSeqHeld = ownSeqHeld }))
        {
            foreach (var wire in reply.Entries)
            {
                Assert.True(ChangeMapper.TryToDomain(wire.Change, out var change, out var error), error);
                entries.Add(change);
            }
        }

        return entries;
    }
}
