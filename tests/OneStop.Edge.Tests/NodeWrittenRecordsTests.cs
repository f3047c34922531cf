using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Accounts;
using OneStop.Core.Changes;
using OneStop.Core.Nodes;
using OneStop.Edge.Accounts;
using OneStop.Edge.Nodes;
using OneStop.Edge.Sync;
using OneStop.Edge.Ui;
using OneStop.Hardware;

namespace OneStop.Edge.Tests;

/// <summary>The node's settings and accounts as the node writes them: through the store, in entries the hub's push check takes.</summary>
public sealed class NodeWrittenRecordsTests
{
    private const string Commune = "03006";
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Accounts_CreateThenDisable_EveryEntryNamesTheUserAndPassesThePushCheck()
    {
        using var temp = new TempStore("node-sapa-01");
        var store = await temp.OpenAsync(new FakeTimeProvider(Start));
        var writer = new EdgeStaffAccountWriter(store, Options.Create(new EdgeOptions { NodeId = temp.NodeId, CommuneCode = Commune }));

        Assert.Null(await writer.CreateAsync("cam.hoa", "Cầm Thị Hoa", "staff", "cau-may-tren-deo", default));
        Assert.Null(await writer.SetDisabledAsync("cam.hoa", true, default));

        var entries = await store.ReadChangesAfterAsync(0, 10, 1 << 20);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Contains(e.Fields, f => f.Name == StaffAccountFields.UserName));
        Assert.Null(PushPolicy.Check(temp.NodeId, Commune, entries));
        Assert.Equal([("cam.hoa", "Cầm Thị Hoa", "staff", true)], await writer.ListAsync(default));
    }

    [Fact]
    public async Task Accounts_WeakPasswordOrTakenName_RefusedAndNothingWritten()
    {
        using var temp = new TempStore();
        var store = await temp.OpenAsync(new FakeTimeProvider(Start));
        var writer = new EdgeStaffAccountWriter(store, Options.Create(new EdgeOptions { NodeId = temp.NodeId, CommuneCode = Commune }));
        Assert.Null(await writer.CreateAsync("cam.hoa", "Cầm Thị Hoa", "staff", "cau-may-tren-deo", default));

        Assert.Equal(EdgeAccountRefusal.PasswordTooShort, await writer.CreateAsync("lo.mai", "Lò Thị Mai", "staff", "ngan", default));
        Assert.Equal(EdgeAccountRefusal.PasswordCommon, await writer.CreateAsync("lo.mai", "Lò Thị Mai", "staff", "matkhau123", default));
        Assert.Equal(EdgeAccountRefusal.Exists, await writer.CreateAsync("CAM.HOA", "Cầm Thị Hoa", "staff", "cau-may-tren-deo", default));
        Assert.Equal(EdgeAccountRefusal.Role, await writer.CreateAsync("lo.mai", "Lò Thị Mai", "province_admin", "cau-may-tren-deo", default));

        Assert.Single(await store.ReadChangesAfterAsync(0, 10, 1 << 20));
    }

    [Fact]
    public async Task Settings_RecordLacksAField_ConfiguredValueServesAndWrittenValueWins()
    {
        using var temp = new TempStore("node-sapa-01");
        var time = new FakeTimeProvider(Start);
        var store = await temp.OpenAsync(time);
        var settings = new EdgeNodeSettings(
            store,
            Options.Create(new EdgeOptions { NodeId = temp.NodeId, CommuneCode = Commune }),
            Options.Create(new EdgeUiOptions { BankBin = "970405", BankAccount = "111" }),
            Options.Create(new SyncOptions()),
            Options.Create(new HardwareOptions()),
            time);

        var errors = await settings.WriteAsync(new Dictionary<string, string?> { [NodeConfigFields.BankAccount] = "222", [NodeConfigFields.PublicAddress] = "http://192.168.1.20:5080" }, completeSetup: true, default);

        Assert.Empty(errors);
        var (values, completed) = await settings.ReadAsync(default);
        Assert.True(completed);
        Assert.Equal("970405", values[NodeConfigFields.BankBin]);
        Assert.Equal("222", values[NodeConfigFields.BankAccount]);
        var entry = Assert.Single(await store.ReadChangesAfterAsync(0, 10, 1 << 20));
        Assert.Equal((NodeConfigFields.RecordId(temp.NodeId), RecordTypes.NodeConfig, Commune), (entry.RecordId, entry.RecordType, entry.Scope));
        Assert.Null(PushPolicy.Check(temp.NodeId, Commune, [entry]));
    }

    [Fact]
    public async Task Settings_AnotherCommuneOrBadAddress_RefusedAndNothingWritten()
    {
        using var temp = new TempStore();
        var time = new FakeTimeProvider(Start);
        var store = await temp.OpenAsync(time);
        var settings = new EdgeNodeSettings(store, Options.Create(new EdgeOptions { NodeId = temp.NodeId, CommuneCode = Commune }), Options.Create(new EdgeUiOptions()),
            Options.Create(new SyncOptions()), Options.Create(new HardwareOptions()), time);

        var errors = await settings.WriteAsync(new Dictionary<string, string?> { [NodeConfigFields.CommuneCode] = "00715", [NodeConfigFields.PublicAddress] = "sapa.local" }, completeSetup: false, default);

        Assert.Equal([NodeConfigFields.CommuneCode, NodeConfigFields.PublicAddress], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await store.ReadChangesAfterAsync(0, 10, 1 << 20));
    }
}
