using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Changes;
using OneStop.Core.Nodes;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.HubConsole.Ports;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests;

/// <summary>The node settings page's door against the real hub store: what it writes, what the node pulls, what it refuses.</summary>
public sealed class ConsoleNodeSettingsTests : IAsyncLifetime
{
    private HubTestHost _hub = null!;

    private IConsoleNodeSettings Settings => _hub.Services.GetRequiredService<IConsoleNodeSettings>();

    public async Task InitializeAsync() => _hub = await StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task SaveAsync_AdminChangesTwoFields_WrittenInTheNodesCommuneAndPulledByItsNodeOnly()
    {
        var saved = await Settings.SaveAsync(ConsolePrincipals.Admin, NodeA, Values((NodeConfigFields.OfficeName, "Bộ phận Một cửa xã Bản Lầu"), (NodeConfigFields.SyncIntervalSeconds, "120")), default);

        Assert.True(saved.Succeeded, saved.Result.ErrorKey);
        var record = (await _hub.Store.GetAsync(NodeConfigFields.RecordId(NodeA)))!;
        Assert.Equal(RecordTypes.NodeConfig, record.Type);
        Assert.Equal(CommuneA, record.Scope);
        Assert.Equal("Bộ phận Một cửa xã Bản Lầu", JsonSerializer.Deserialize<string>(record.Fields[NodeConfigFields.OfficeName].Json!));
        Assert.Equal("120", record.Fields[NodeConfigFields.SyncIntervalSeconds].Json);
        var pulledByA = (await _hub.Store.ReadPullPageAsync(CommuneA, 0, 1000, string.Empty, 0, IncarnationPolicy.Legacy)).Entries;
        Assert.Contains(pulledByA, e => e.Change.RecordId == record.Id && e.Change.Fields.Any(f => f.Name == NodeConfigFields.OfficeName));
        var pulledByB = (await _hub.Store.ReadPullPageAsync(CommuneB, 0, 1000, string.Empty, 0, IncarnationPolicy.Legacy)).Entries;
        Assert.DoesNotContain(pulledByB, e => e.Change.RecordId == record.Id);
        Assert.Equal("120", (await Settings.ReadAsync(NodeA, default))!.Values[NodeConfigFields.SyncIntervalSeconds]);
        var audit = await _hub.Services.GetRequiredService<IConsoleAudit>().ListAsync(10, default);
        Assert.Contains(audit, e => e.Action == "nodesettings.save" && e.Actor == "qt.tinh" && e.Target == NodeA);
    }

    [Fact]
    public async Task SaveAsync_OneBadValueAmongGoodOnes_RefusedPerFieldAndStoredDataIntact()
    {
        Assert.True((await Settings.SaveAsync(ConsolePrincipals.Admin, NodeA, Values((NodeConfigFields.OfficeName, "Một cửa Bản Lầu"), (NodeConfigFields.PrinterProfile, "80mm")), default)).Succeeded);
        var before = (await _hub.Store.GetAsync(NodeConfigFields.RecordId(NodeA)))!;
        var headBefore = await _hub.Store.ReadLogHeadAsync();

        // The page would stop these; the hub must too, whoever calls it.
        var refused = await Settings.SaveAsync(ConsolePrincipals.Admin, NodeA, Values(
            (NodeConfigFields.OfficeName, "Một cửa xã khác"),
            (NodeConfigFields.SyncIntervalSeconds, "0"),
            (NodeConfigFields.BankBin, "970436")), default);

        Assert.False(refused.Succeeded);
        Assert.Equal("nodesettings.error.sync_interval", refused.FieldErrors[NodeConfigFields.SyncIntervalSeconds]);
        Assert.Equal("nodesettings.error.bank_incomplete", refused.FieldErrors[NodeConfigFields.BankAccount]);
        var after = (await _hub.Store.GetAsync(NodeConfigFields.RecordId(NodeA)))!;
        Assert.Equal(before.Fields.Keys.Order(), after.Fields.Keys.Order());
        Assert.All(before.Fields, f => Assert.Equal((f.Value.Json, f.Value.Version), (after.Fields[f.Key].Json, after.Fields[f.Key].Version)));
        Assert.Equal(headBefore, await _hub.Store.ReadLogHeadAsync());
    }

    [Fact]
    public async Task SaveAsync_ViewerOrUnknownNode_RefusedAndNothingWritten()
    {
        var headBefore = await _hub.Store.ReadLogHeadAsync();

        var viewer = await Settings.SaveAsync(ConsolePrincipals.Viewer, NodeA, Values((NodeConfigFields.OfficeName, "x")), default);
        var unknown = await Settings.SaveAsync(ConsolePrincipals.Admin, "node-nowhere", Values((NodeConfigFields.OfficeName, "x")), default);

        Assert.Equal("nodesettings.error.forbidden", viewer.Result.ErrorKey);
        Assert.Equal("nodesettings.error.unknown", unknown.Result.ErrorKey);
        Assert.Null(await Settings.ReadAsync("node-nowhere", default));
        Assert.Equal(headBefore, await _hub.Store.ReadLogHeadAsync());
    }

    private static Dictionary<string, string?> Values(params (string Field, string? Value)[] values) =>
        values.ToDictionary(v => v.Field, v => v.Value, StringComparer.Ordinal);
}
