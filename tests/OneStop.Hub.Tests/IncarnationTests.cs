using Grpc.Core;
using OneStop.Core.Changes;
using OneStop.Hub.Store;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.Protocol.V1;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;
using ChangeEntry = OneStop.Core.Changes.ChangeEntry;

namespace OneStop.Hub.Tests;

/// <summary>
/// A node's log is named by (node, incarnation): the hub acknowledges per incarnation, compares a digest before
/// it calls an entry a duplicate, and shows in the fleet view what it noticed (reinstalled, restored, two machines).
/// </summary>
public sealed class IncarnationTests : IAsyncLifetime
{
    private const string First = "0199a000-0000-7000-8000-000000000001";
    private const string Second = "0199a000-0000-7000-8000-000000000002";

    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Push_DifferentEntryUnderAcknowledgedSeq_AlreadyExistsNothingStoredAndFlagged()
    {
        using var node = _hub.Client(NodeA, KeyA);
        await node.Sync.PushAsync(Push(First, Entry(1, First, "Lò Văn Hùng"), Entry(2, First, "Lò Thị Mai")));
        var headBefore = await _hub.Store.ReadLogHeadAsync();

        // A cloned card filed its own seq 2 and a seq 3: same names, other dossiers.
        var clone = Push(First, Entry(2, First, "Giàng A Sử"), Entry(3, First, "Giàng Thị Dở"));
        var error = await Assert.ThrowsAsync<RpcException>(() => node.Sync.PushAsync(clone));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Contains("this node identity is in use on two machines", error.Message, StringComparison.Ordinal);
        Assert.Equal(headBefore, await _hub.Store.ReadLogHeadAsync());
        Assert.Equal(2, await _hub.Store.CountAsync(RecordTypes.Dossier));
        var fleet = (await _hub.Store.ListNodeStatesAsync()).Single(n => n.NodeId == NodeA);
        Assert.True(fleet.Incarnations!.InUseOnTwoMachines);
        Assert.Contains(fleet.Incarnations.Events, e => e.Kind == IncarnationEventKinds.Clash && e.Incarnation == First);
    }

    [Fact]
    public async Task Push_SameEntriesAgain_CountedAsDuplicatesAfterDigestCheck()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var batch = Push(First, Entry(1, First, "Hờ A Chư"), Entry(2, First, "Mùa A Lềnh"));
        await node.Sync.PushAsync(batch);

        // Field order on the wire is not part of the entry: the digest is canonical.
        var reordered = batch.Clone();
        var fields = reordered.Entries[1].Fields.Reverse().ToList();
        reordered.Entries[1].Fields.Clear();
        reordered.Entries[1].Fields.AddRange(fields);
        var reply = await node.Sync.PushAsync(reordered);

        Assert.Equal((2L, 0, 2), (reply.AckedOriginSeq, reply.Applied, reply.Duplicates));
    }

    [Fact]
    public async Task Push_NewIncarnationFromSeqOne_AcceptedAndAcknowledgedApart()
    {
        using var node = _hub.Client(NodeA, KeyA);
        await node.Sync.PushAsync(Push(First, Entry(1, First, "Vàng Seo Dìn"), Entry(2, First, "Vàng Thị Say")));

        // Reinstalled: a fresh store whose log starts at 1 again, under a new incarnation.
        var reply = await node.Sync.PushAsync(Push(Second, Entry(1, Second, "Tẩn Láo Lở")));

        Assert.Equal((1L, 1, 0), (reply.AckedOriginSeq, reply.Applied, reply.Duplicates));
        Assert.Equal(3, await _hub.Store.CountAsync(RecordTypes.Dossier));
        var hello = await node.Sync.HelloAsync(new HelloRequest { NodeId = NodeA, Incarnation = First, LogHead = 2 });
        Assert.Equal(2, hello.AckedOriginSeq);
        Assert.True(hello.EarlierIncarnations);
    }

    [Fact]
    public async Task Push_EntryNamingAnotherIncarnation_PermissionDenied()
    {
        using var node = _hub.Client(NodeA, KeyA);

        var error = await Assert.ThrowsAsync<RpcException>(() => node.Sync.PushAsync(Push(First, Entry(1, Second, "Chảo Láo Tả"))));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(0, await _hub.Store.CountAsync(RecordTypes.Dossier));
    }

    [Fact]
    public async Task Pull_AfterRebuild_OwnEntriesOfEarlierIncarnationComeBack()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var earlier = Entry(1, First, "Lầu Thị Dở");
        await node.Sync.PushAsync(Push(First, earlier));
        var current = Entry(1, Second, "Vừ A Dế");
        await node.Sync.PushAsync(Push(Second, current));

        var pulled = new List<HubEntry>();
        await foreach (var reply in node.Sync.PullAsync(new PullRequest { NodeId = NodeA, OwnSeqHeld = 1, Incarnation = Second }))
        {
            pulled.AddRange(reply.Entries);
        }

        var ids = pulled.Select(e => Guid.Parse(e.Change.RecordId)).ToList();
        Assert.Contains(earlier.RecordId, ids);
        Assert.DoesNotContain(current.RecordId, ids);
        Assert.Equal(First, pulled.Single(e => Guid.Parse(e.Change.RecordId) == earlier.RecordId).Change.OriginIncarnation);
    }

    [Fact]
    public async Task Hello_HeadBelowAcknowledgement_FleetViewSaysRestored()
    {
        using var node = _hub.Client(NodeA, KeyA);
        await node.Sync.HelloAsync(new HelloRequest { NodeId = NodeA, Incarnation = First, LogHead = 0, MachineIdentity = "box-1" });
        await node.Sync.PushAsync(Push(First, Entry(1, First, "Sùng A Páo"), Entry(2, First, "Sùng Thị Sua")));

        var hello = await node.Sync.HelloAsync(new HelloRequest { NodeId = NodeA, Incarnation = First, LogHead = 1, MachineIdentity = "box-1" });

        Assert.Equal(2, hello.AckedOriginSeq);
        var fleet = (await _hub.Store.ListNodeStatesAsync()).Single(n => n.NodeId == NodeA).Incarnations!;
        var restored = Assert.Single(fleet.Events);
        Assert.Equal(IncarnationEventKinds.Regressed, restored.Kind);
        Assert.Contains("restored", restored.Reason, StringComparison.Ordinal);
        Assert.False(fleet.InUseOnTwoMachines);
    }

    [Fact]
    public async Task Hello_OlderIncarnationStillSyncingAfterNewerAppeared_FlaggedTwoMachines()
    {
        using var node = _hub.Client(NodeA, KeyA);
        await node.Sync.HelloAsync(new HelloRequest { NodeId = NodeA, Incarnation = First, LogHead = 0, MachineIdentity = "box-1" });
        await node.Sync.HelloAsync(new HelloRequest { NodeId = NodeA, Incarnation = Second, LogHead = 0, MachineIdentity = "box-2" });
        var moved = (await _hub.Store.ListNodeStatesAsync()).Single(n => n.NodeId == NodeA).Incarnations!;
        Assert.False(moved.InUseOnTwoMachines);
        Assert.Contains("another machine", Assert.Single(moved.Events).Reason, StringComparison.Ordinal);

        await node.Sync.HelloAsync(new HelloRequest { NodeId = NodeA, Incarnation = First, LogHead = 0, MachineIdentity = "box-1" });

        var fleet = (await _hub.Store.ListNodeStatesAsync()).Single(n => n.NodeId == NodeA).Incarnations!;
        Assert.True(fleet.InUseOnTwoMachines);
        Assert.Contains(fleet.Events, e => e.Kind == IncarnationEventKinds.TwoMachines && e.Reason.Contains("box-2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hello_LegacyStoreStillSyncingAfterItsCopyReincarnated_FlaggedTwoMachines()
    {
        // Acknowledged before this build (no sighting recorded), then a copy of that store moved and re-incarnated.
        using var node = _hub.Client(NodeA, KeyA);
        await node.Sync.PushAsync(Changes.Push(NodeA, Changes.Dossier(NodeA, 1, CommuneA, "Lý Thị Mẩy")));
        await node.Sync.HelloAsync(new HelloRequest { NodeId = NodeA, Incarnation = Second, LogHead = 0, MachineIdentity = "box-2" });

        await node.Sync.HelloAsync(new HelloRequest { NodeId = NodeA, LogHead = 1 });

        Assert.True((await _hub.Store.ListNodeStatesAsync()).Single(n => n.NodeId == NodeA).Incarnations!.InUseOnTwoMachines);
    }

    [Fact]
    public async Task Push_OldNodeWithoutIncarnation_KeepsWorkingAsLegacy()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var batch = Changes.Push(NodeA, Changes.Dossier(NodeA, 1, CommuneA, "Lý A Chảo"));

        await node.Sync.PushAsync(batch);
        var again = await node.Sync.PushAsync(batch);
        var hello = await node.Sync.HelloAsync(new HelloRequest { NodeId = NodeA });

        Assert.Equal((1L, 1), (again.AckedOriginSeq, again.Duplicates));
        Assert.Equal(1, hello.AckedOriginSeq);
        Assert.False(hello.EarlierIncarnations);
    }

    private static PushRequest Push(string incarnation, params ChangeEntry[] entries)
    {
        var request = Changes.Push(NodeA, entries);
        request.Incarnation = incarnation;
        return request;
    }

    private static ChangeEntry Entry(long seq, string incarnation, string applicant) =>
        Changes.Dossier(NodeA, seq, CommuneA, applicant) with { OriginIncarnation = incarnation };
}
