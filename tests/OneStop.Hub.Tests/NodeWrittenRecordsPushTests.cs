using Grpc.Core;
using OneStop.Core.Accounts;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Nodes;
using OneStop.Hub.Tests.Infrastructure;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests;

/// <summary>
/// A node's own settings and its commune's accounts reach the hub by push; another node's settings, another commune's
/// account or a province role are refused whole, leaving the hub's records as they were.
/// </summary>
public sealed class NodeWrittenRecordsPushTests : IAsyncLifetime
{
    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    private static FieldChange Set(string node, string name, string json) => FieldChange.Set(name, json, new HlcTimestamp(1_700_000_000_000, 0, node), HlcTimestamp.Zero);

    private static ChangeEntry Account(long seq, string commune, string userName, string role) =>
        new(NodeA, seq, StaffAccountFields.RecordId(commune, userName), RecordTypes.StaffAccount, CommuneA,
        [
            Set(NodeA, StaffAccountFields.UserName, $"\"{userName}\""),
            Set(NodeA, StaffAccountFields.Role, $"\"{role}\""),
            Set(NodeA, StaffAccountFields.PasswordHash, "\"AQAAAAIAAYagAAAAEFake\""),
        ]);

    private static ChangeEntry Settings(long seq, string ofNode, string office) =>
        new(NodeA, seq, NodeConfigFields.RecordId(ofNode), RecordTypes.NodeConfig, CommuneA, [Set(NodeA, NodeConfigFields.OfficeName, $"\"{office}\"")]);

    [Fact]
    public async Task Push_OwnSettingsAndCommuneAccount_Stored()
    {
        using var node = _hub.Client(NodeA, KeyA);

        await node.Sync.PushAsync(Changes.Push(NodeA, Settings(1, NodeA, "Một cửa Sa Pa"), Account(2, CommuneA, "cam.hoa", "staff")));

        var settings = await _hub.Store.GetAsync(NodeConfigFields.RecordId(NodeA));
        Assert.Equal("\"Một cửa Sa Pa\"", settings!.Fields[NodeConfigFields.OfficeName].Json);
        var account = await _hub.Store.GetAsync(StaffAccountFields.RecordId(CommuneA, "cam.hoa"));
        Assert.Equal("\"staff\"", account!.Fields[StaffAccountFields.Role].Json);
    }

    [Fact]
    public async Task Push_AnotherNodesSettings_PermissionDeniedAndHubUnchanged()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => node.Sync.PushAsync(Changes.Push(NodeA, Settings(1, NodeB, "chiếm quyền"))));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Null(await _hub.Store.GetAsync(NodeConfigFields.RecordId(NodeB)));
    }

    [Fact]
    public async Task Push_AccountOfAnotherCommune_PermissionDeniedAndHubUnchanged()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => node.Sync.PushAsync(Changes.Push(NodeA, Account(1, CommuneB, "cam.hoa", "staff"))));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Push_AccountWithProvinceRole_PermissionDeniedAndHubUnchanged()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => node.Sync.PushAsync(Changes.Push(NodeA, Account(1, CommuneA, "cam.hoa", "province_admin"))));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    /// <summary>Every record the refusals could touch, the log head and every node's acknowledgement.</summary>
    private async Task<string> SnapshotAsync()
    {
        var records = new List<string>();
        foreach (var type in new[] { RecordTypes.StaffAccount, RecordTypes.NodeConfig, RecordTypes.Dossier })
        {
            records.AddRange((await _hub.Store.ListAsync(type, null, 10_000)).OrderBy(r => r.Id).Select(r => $"{r.Type} {r.Id} {r.Scope} {r.DataJson}"));
        }

        var nodes = await _hub.Store.ListNodeStatesAsync();
        return string.Join('\n', records)
            + $"\nhead={await _hub.Store.ReadLogHeadAsync()}\n"
            + string.Join('\n', nodes.Where(n => n.AckedSeq > 0).Select(n => $"{n.NodeId}:{n.AckedSeq}"));
    }
}
