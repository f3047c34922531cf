using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Audit;
using OneStop.Hub.AdminConsole;
using OneStop.Hub.Audit;
using OneStop.HubConsole.Localisation;
using OneStop.HubConsole.Pages;
using OneStop.HubConsole.Ports;
using OneStop.Storage;

namespace OneStop.Hub.Tests.Audit;

/// <summary>
/// Someone with the raw console database edits one audit entry (dropping the trigger that refuses it): the
/// store's check and the console page both name exactly that entry.
/// </summary>
public sealed class AuditTamperTests : BunitContext
{
    private readonly string _folder = Directory.CreateTempSubdirectory("onestop-audit-").FullName;
    private readonly ConsoleDatabase _database;
    private readonly HubAuditStore _store;

    public AuditTamperTests()
    {
        _database = new ConsoleDatabase(Path.Combine(_folder, ConsoleDatabase.FileName));
        _store = new HubAuditStore(_database, TimeProvider.System);
    }

    [Fact]
    public async Task Update_WhileTriggerStands_Refused()
    {
        await _store.AppendAsync("quantri", "lookup.view", "03006/ABC", null);

        var error = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => ExecuteAsync("UPDATE audit_entries SET actor = 'x'"));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_OneEntryEditedInTheRawFile_ReportsExactlyThatSequence()
    {
        await AppendFiveAsync();
        Assert.True(Assert.Single(await _store.VerifyAsync(HubAuditStore.HubNode)).Result.Holds);

        await TamperAsync(sequence: 3);

        var (_, result) = Assert.Single(await _store.VerifyAsync(HubAuditStore.HubNode));
        Assert.Equal(new AuditChainBreak(3, AuditBreakReason.HashMismatch), result.Break);
        Assert.Equal("BROKEN at sequence 3: HashMismatch", result.Describe());
    }

    [Fact]
    public async Task AuditPage_VerifyAfterTampering_PointsAtTheBrokenEntry()
    {
        await AppendFiveAsync();
        await TamperAsync(sequence: 4);
        Services.AddSingleton<ConsoleLoc>();
        Services.AddSingleton<IConsoleAuditChains>(new ConsoleAuditChains(_store));
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var page = Render<AuditPage>();

        page.Find("[data-testid=audit-verify]").Click();

        var chain = page.Find("[data-testid=audit-chain]");
        Assert.Equal("4", chain.GetAttribute("data-broken-at"));
        Assert.Contains("Chuỗi bị đứt tại dòng số 4", chain.TextContent, StringComparison.Ordinal);
        var marked = Assert.Single(page.FindAll("[data-testid=audit-row].notice-error"));
        Assert.Equal("4", marked.GetAttribute("data-seq"));
    }

    [Fact]
    public async Task AuditPage_FilterByActorAndDossier_OnlyMatchingRows()
    {
        await AppendFiveAsync();
        Services.AddSingleton<ConsoleLoc>();
        Services.AddSingleton<IConsoleAuditChains>(new ConsoleAuditChains(_store));
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var page = Render<AuditPage>();

        page.Find("[data-testid=audit-actor]").Change("xem.tinh");
        page.Find("[data-testid=audit-dossier]").Change("03006/B");
        page.Find("[data-testid=audit-filters]").Submit();

        var rows = page.FindAll("[data-testid=audit-row]");
        Assert.Equal(["4"], rows.Select(r => r.GetAttribute("data-seq")));
    }

    [Fact]
    public async Task FleetAlert_NodeChainArrivedBroken_NamesNodeAndSequence()
    {
        var chain = new List<ChainedAuditEntry>();
        for (var i = 0; i < 3; i++)
        {
            chain.Add(AuditChain.Append(chain.LastOrDefault(), 1_780_000_000_000 + i, "canbo", AuditActions.Viewed, "d", null));
        }

        chain[1] = chain[1] with { Entry = chain[1].Entry with { Actor = "ai-do" } };
        await _store.ReceiveAsync("node-x", "c1", chain);
        Services.AddSingleton<ConsoleLoc>();
        Services.AddSingleton<IConsoleAuditChains>(new ConsoleAuditChains(_store));
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var alert = Render<OneStop.HubConsole.Components.AuditChainAlerts>().Find("[data-testid=audit-alert]");

        Assert.Equal("node-x", alert.GetAttribute("data-node"));
        Assert.Contains("Nhật ký của máy node-x bị đứt khi gửi lên, tại dòng số 2: nội dung đã bị sửa.", alert.TextContent, StringComparison.Ordinal);
    }

    protected override void Dispose(bool disposing)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        base.Dispose(disposing);
    }

    private async Task AppendFiveAsync()
    {
        await _store.AppendAsync("quantri", "lookup.view", "03006/A", null);
        await _store.AppendAsync("quantri", "catalogue.edit", "hotich.khaisinh", "fees");
        await _store.AppendAsync("xem.tinh", "lookup.view", "03006/A", null);
        await _store.AppendAsync("xem.tinh", "lookup.view", "03006/B", null);
        await _store.AppendAsync("quantri", "console.signin", "quantri", null);
    }

    /// <summary>What someone with the file could do: drop the guard, change who looked.</summary>
    private Task TamperAsync(long sequence) => ExecuteAsync(
        $"DROP TRIGGER audit_entries_no_update; UPDATE audit_entries SET actor = 'nobody' WHERE node_id = 'hub' AND seq = {sequence}");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await new SqliteDatabase(_database.AuditDatabase.Path).OpenAsync();
        await SqliteDatabase.ExecuteAsync(connection, sql);
    }
}
