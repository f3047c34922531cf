using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Accounts;
using OneStop.Core.Fleet;
using OneStop.Hub.AdminConsole;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.HubConsole.Ports;
using OneStop.HubConsole.Security;
using OneStop.Protocol.V1;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests;

/// <summary>The console's fleet and accounts adapters against the real hub composition.</summary>
public sealed class ConsoleFleetAndAccountsTests : IAsyncLifetime
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "qt.tinh"), new Claim(ClaimTypes.Role, ConsoleRoles.Admin)], "test"));

    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Fleet_OneNodeSaidHelloWithFaultyPrinter_ThatNodeDeviceFaultOtherSilent()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var hello = new HelloRequest { NodeId = NodeA, Incarnation = "inc-1", SoftwareVersion = "1.4.2", Backlog = 3 };
        hello.Devices.Add(new DeviceStatus { DeviceId = "printer-0", Kind = "printer", Connected = false, LastError = "hết giấy" });
        await node.Sync.HelloAsync(hello);
        var fleet = _hub.Services.GetRequiredService<IConsoleFleet>();

        var nodes = await fleet.ListAsync(default);

        var a = nodes.Single(n => n.NodeId == NodeA);
        var b = nodes.Single(n => n.NodeId == NodeB);
        Assert.Equal(NodeHealthState.DeviceFault, a.State);
        Assert.Equal(CommuneA, a.CommuneCode);
        Assert.Equal("1.4.2", a.SoftwareVersion);
        Assert.Equal(3, a.ReportedBacklog);
        Assert.Equal("hết giấy", Assert.Single(a.Devices).LastError);
        Assert.Equal(NodeHealthState.Silent, b.State);
        Assert.Null(b.LastSeenMs);
    }

    [Fact]
    public async Task NodePage_AfterTwoHellosSampled_HistoryNewestFirst()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var sampler = _hub.Services.GetRequiredService<NodeHistorySampler>();
        await node.Sync.HelloAsync(new HelloRequest { NodeId = NodeA, Incarnation = "inc-1", Backlog = 7 });
        await sampler.SampleOnceAsync(default);
        await WaitForClockPastAsync((await _hub.Store.ListNodeStatesAsync()).Single(n => n.NodeId == NodeA).LastSeenMs!.Value);
        await node.Sync.HelloAsync(new HelloRequest { NodeId = NodeA, Incarnation = "inc-1", Backlog = 2 });
        var added = await sampler.SampleOnceAsync(default);
        var again = await sampler.SampleOnceAsync(default);

        var detail = await _hub.Services.GetRequiredService<IConsoleFleet>().GetAsync(NodeA, default);

        Assert.Equal(1, added);
        Assert.Equal(0, again);
        Assert.NotNull(detail);
        Assert.Equal([2L, 7L], detail.History.Select(h => h.Backlog!.Value));
        Assert.Null(await _hub.Services.GetRequiredService<IConsoleFleet>().GetAsync("node-unknown", default));
    }

    [Fact]
    public async Task CreateAccount_ByAdmin_RecordForTheCommuneWithVerifiableHashAndAudited()
    {
        var accounts = _hub.Services.GetRequiredService<IConsoleStaffAccounts>();

        var created = await accounts.CreateAsync(Admin, new NewStaffAccount(CommuneA, "canbo.lan", "Vàng Thị Lan", "staff", "mat-khau-lan-1"), default);
        var duplicate = await accounts.CreateAsync(Admin, new NewStaffAccount(CommuneA, "canbo.lan", "Vàng Thị Lan", "staff", "mat-khau-lan-1"), default);

        Assert.True(created.Succeeded, created.ErrorKey);
        Assert.Equal("accounts.error.exists", duplicate.ErrorKey);
        var record = await _hub.Store.GetAsync(StaffAccountFields.RecordId(CommuneA, "canbo.lan"));
        Assert.NotNull(record);
        Assert.Equal(CommuneA, record.Scope);
        var hash = JsonSerializer.Deserialize<string>(record.Fields[StaffAccountFields.PasswordHash].Json!)!;
        Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<string>().VerifyHashedPassword("canbo.lan", hash, "mat-khau-lan-1"));
        var listed = Assert.Single(await accounts.ListAsync(default));
        Assert.Equal(new StaffAccountView(CommuneA, "canbo.lan", "Vàng Thị Lan", "staff", false), listed);
        var audit = await _hub.Services.GetRequiredService<IConsoleAudit>().ListAsync(10, default);
        Assert.Contains(audit, e => e.Action == "account.create" && e.Actor == "qt.tinh" && e.Target == $"{CommuneA}/canbo.lan");
    }

    [Fact]
    public async Task ResetAndDisable_ExistingAccount_NewHashAndDisabledFlagAudited()
    {
        var accounts = _hub.Services.GetRequiredService<IConsoleStaffAccounts>();
        await accounts.CreateAsync(Admin, new NewStaffAccount(CommuneB, "tnv.pao", "Giàng A Páo", "volunteer", "mat-khau-cu-1"), default);

        var shortPassword = await accounts.ResetPasswordAsync(Admin, CommuneB, "tnv.pao", "ngan", default);
        var reset = await accounts.ResetPasswordAsync(Admin, CommuneB, "tnv.pao", "mat-khau-moi-2", default);
        var disabled = await accounts.SetDisabledAsync(Admin, CommuneB, "tnv.pao", true, default);
        var missing = await accounts.SetDisabledAsync(Admin, CommuneB, "khong.co", true, default);

        Assert.Equal("accounts.error.password", shortPassword.ErrorKey);
        Assert.True(reset.Succeeded && disabled.Succeeded);
        Assert.Equal("accounts.error.missing", missing.ErrorKey);
        var record = (await _hub.Store.GetAsync(StaffAccountFields.RecordId(CommuneB, "tnv.pao")))!;
        var hash = JsonSerializer.Deserialize<string>(record.Fields[StaffAccountFields.PasswordHash].Json!)!;
        Assert.Equal(PasswordVerificationResult.Failed, new PasswordHasher<string>().VerifyHashedPassword("tnv.pao", hash, "mat-khau-cu-1"));
        Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<string>().VerifyHashedPassword("tnv.pao", hash, "mat-khau-moi-2"));
        Assert.True(Assert.Single(await accounts.ListAsync(default)).Disabled);
        var actions = (await _hub.Services.GetRequiredService<IConsoleAudit>().ListAsync(10, default)).Select(e => e.Action).ToList();
        Assert.Equal(["account.disable", "account.reset", "account.create"], actions.Where(a => a.StartsWith("account.", StringComparison.Ordinal)));
    }

    /// <summary>Waits (bounded) until the hub's clock has passed a recorded hello, so the next hello gets a later time.</summary>
    private static async Task WaitForClockPastAsync(long seenMs)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(5);
        while (TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() <= seenMs)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "the clock did not move");
            await Task.Delay(TimeSpan.FromMilliseconds(2));
        }
    }
}
