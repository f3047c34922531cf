using Grpc.Core;
using OneStop.Core.Changes;
using OneStop.Hub.Tests.Infrastructure;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests;

/// <summary>Pushes the hub must refuse whole, leaving what it stored before untouched.</summary>
public sealed class PushRefusalTests : IAsyncLifetime
{
    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Push_EntryForAnotherCommune_PermissionDeniedAndNothingStored()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var before = await SnapshotAsync();
        var request = Changes.Push(NodeA, Changes.Dossier(NodeA, 1, CommuneA, "Lò Văn Hùng"), Changes.Dossier(NodeA, 2, CommuneB, "Lò Thị Mai"));

        var error = await Assert.ThrowsAsync<RpcException>(() => node.Sync.PushAsync(request));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains(CommuneB, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
        var fleet = await _hub.Store.ListNodeStatesAsync();
        Assert.StartsWith("OutOfScope:", fleet.Single(n => n.NodeId == NodeA).LastError, StringComparison.Ordinal);

        // The node fixes itself and pushes what it may: the fleet view no longer shows it stuck.
        await node.Sync.PushAsync(Changes.Push(NodeA, Changes.Dossier(NodeA, 1, CommuneA, "Lò Văn Hùng")));
        Assert.Null((await _hub.Store.ListNodeStatesAsync()).Single(n => n.NodeId == NodeA).LastError);
    }

    [Fact]
    public async Task Push_ForgedOrigin_PermissionDeniedAndNothingStored()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var before = await SnapshotAsync();
        var request = Changes.Push(NodeA, Changes.Dossier(NodeB, 1, CommuneA, "Giàng A Sử"));

        var error = await Assert.ThrowsAsync<RpcException>(() => node.Sync.PushAsync(request));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Push_RequestNamingAnotherNode_PermissionDenied()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var request = Changes.Push(NodeB, Changes.Dossier(NodeA, 1, CommuneA, "Giàng A Sử"));

        var error = await Assert.ThrowsAsync<RpcException>(() => node.Sync.PushAsync(request));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(0, await _hub.Store.ReadAckedAsync(NodeA));
    }

    [Fact]
    public async Task Push_ReferenceDataFromANode_PermissionDenied()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var before = await SnapshotAsync();
        var procedure = Changes.Dossier(NodeA, 1, CommuneA, "x") with { RecordType = RecordTypes.Procedure };

        var error = await Assert.ThrowsAsync<RpcException>(() => node.Sync.PushAsync(Changes.Push(NodeA, procedure)));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Push_WrongKey_UnauthenticatedAndNothingStored()
    {
        using var node = _hub.Client(NodeA, "not-the-key");
        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            node.Sync.PushAsync(Changes.Push(NodeA, Changes.Dossier(NodeA, 1, CommuneA, "Vàng Seo Dìn"))));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Push_GapAfterAcknowledgement_FailedPreconditionAndNothingOfItStored()
    {
        using var node = _hub.Client(NodeA, KeyA);
        await node.Sync.PushAsync(Changes.Push(NodeA, Changes.Dossier(NodeA, 1, CommuneA, "Hờ A Chư")));
        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            node.Sync.PushAsync(Changes.Push(NodeA, Changes.Dossier(NodeA, 3, CommuneA, "Mùa A Lềnh"))));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("expected entry 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(1, await _hub.Store.ReadAckedAsync(NodeA));
    }

    [Fact]
    public async Task Push_MalformedRecordId_InvalidArgumentAndNothingStored()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var before = await SnapshotAsync();
        var request = Changes.Push(NodeA, Changes.Dossier(NodeA, 1, CommuneA, "Tẩn Láo Lở"));
        request.Entries[0].RecordId = "not-a-uuid";

        var error = await Assert.ThrowsAsync<RpcException>(() => node.Sync.PushAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Push_ValueThatIsNotJson_InvalidArgumentAndNothingStored()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var before = await SnapshotAsync();
        var request = Changes.Push(NodeA, Changes.Dossier(NodeA, 1, CommuneA, "Chảo Láo Tả"));
        request.Entries[0].Fields[0].JsonValue = "{not json";

        var error = await Assert.ThrowsAsync<RpcException>(() => node.Sync.PushAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Push_SameBatchTwice_SecondIsANoOp()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var request = Changes.Push(NodeA, Changes.Dossier(NodeA, 1, CommuneA, "Lầu Thị Dở"), Changes.Dossier(NodeA, 2, CommuneA, "Vừ A Dế"));

        var first = await node.Sync.PushAsync(request);
        var afterFirst = await SnapshotAsync();
        var second = await node.Sync.PushAsync(request);

        Assert.Equal((2L, 2, 0), (first.AckedOriginSeq, first.Applied, first.Duplicates));
        Assert.Equal((2L, 0, 2), (second.AckedOriginSeq, second.Applied, second.Duplicates));
        Assert.Equal(afterFirst, await SnapshotAsync());
    }

    [Theory]
    [InlineData("negative counter")]
    [InlineData("counter above the maximum")]
    [InlineData("wall time long.MinValue")]
    [InlineData("version by another node")]
    [InlineData("reserved field name")]
    [InlineData("entry larger than the limit")]
    public async Task Push_EntryBreakingPushPolicy_InvalidArgumentNamingEntryAndNothingStored(string breach)
    {
        using var node = _hub.Client(NodeA, KeyA);
        var before = await SnapshotAsync();
        var good = Changes.Dossier(NodeA, 1, CommuneA, "Thào A Lử");
        var bad = Changes.Dossier(NodeA, 2, CommuneA, "Sùng Thị Dợ");
        var field = bad.Fields[0];
        bad = bad with
        {
            Fields = [bad.Fields[1], breach switch
            {
                "negative counter" => field with { Version = field.Version with { Counter = -5 } },
                "counter above the maximum" => field with { Version = field.Version with { Counter = int.MaxValue } },
                "wall time long.MinValue" => field with { Version = field.Version with { WallMs = long.MinValue } },
                "version by another node" => field with { Version = field.Version with { Node = NodeB } },
                "reserved field name" => field with { Name = "~v/ghost" },
                _ => field with { Json = $"\"{new string('x', 300 * 1024)}\"" },
            }],
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => node.Sync.PushAsync(Changes.Push(NodeA, good, bad)));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains($"entry 2 (record {bad.RecordId})", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(0, await _hub.Store.ReadAckedAsync(NodeA));
    }

    /// <summary>What a refused push must not change: records, the log head and every node's acknowledgement.</summary>
    private async Task<string> SnapshotAsync()
    {
        var dossiers = await _hub.Store.ListAsync(RecordTypes.Dossier, null, 10_000);
        var nodes = await _hub.Store.ListNodeStatesAsync();
        return string.Join('\n', dossiers.OrderBy(d => d.Id).Select(d => $"{d.Id} {d.Scope} {d.DataJson}"))
            + $"\nhead={await _hub.Store.ReadLogHeadAsync()}\n"
            + string.Join('\n', nodes.Where(n => n.AckedSeq > 0).Select(n => $"{n.NodeId}:{n.AckedSeq}"));
    }
}
