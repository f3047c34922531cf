using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Hub.Nodes;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.HubConsole.Ports;
using OneStop.HubConsole.Security;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests;

/// <summary>The province conflicts page and the dossier lookup against the real hub store.</summary>
public sealed class ConsoleConflictsAndLookupTests : IAsyncLifetime
{
    private static readonly ClaimsPrincipal Admin = Principal("qt.tinh", ConsoleRoles.Admin);
    private static readonly ClaimsPrincipal Viewer = Principal("xem.tinh", ConsoleRoles.Viewer);
    private static readonly NodeIdentity First = new("node-x1", CommuneA);
    private static readonly NodeIdentity Second = new("node-x2", CommuneA);

    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Resolve_KeepTheSetAsideValue_RecordTakesItConflictClosedAndAudited()
    {
        var id = Guid.CreateVersion7();
        await _hub.Store.PushAsync(First, [Changes.Dossier(First.NodeId, 1, CommuneA, "Lò Văn Hùng", id: id)]);
        await _hub.Store.PushAsync(Second, [Changes.Dossier(Second.NodeId, 1, CommuneA, "Lò Văn Hưng", wallMs: 1_700_000_000_500, id: id)]);
        var conflicts = _hub.Services.GetRequiredService<IConsoleConflicts>();
        var open = Assert.Single(await conflicts.ListAsync(default), c => c.Field == "applicant_name");

        Assert.Equal("conflicts.error.forbidden", (await conflicts.ResolveAsync(Viewer, open.Id, ConflictSide.Loser, default)).ErrorKey);
        var result = await conflicts.ResolveAsync(Admin, open.Id, ConflictSide.Loser, default);

        Assert.True(result.Succeeded, result.ErrorKey);
        Assert.Equal("\"Lò Văn Hùng\"", open.LoserJson);
        Assert.Equal("Lò Văn Hùng", JsonSerializer.Deserialize<string>((await _hub.Store.GetAsync(id))!.Fields["applicant_name"].Json!));
        Assert.DoesNotContain(await conflicts.ListAsync(default), c => c.Id == open.Id);
        Assert.Equal("conflicts.error.gone", (await conflicts.ResolveAsync(Admin, open.Id, ConflictSide.Winner, default)).ErrorKey);
        var audit = await _hub.Services.GetRequiredService<IConsoleAudit>().ListAsync(10, default);
        Assert.Contains(audit, e => e.Action == "conflict.resolve" && e.Actor == "qt.tinh" && e.Target.EndsWith("/applicant_name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lookup_ViewerSearchesByNameAndOpens_BothRecordedWithWho()
    {
        var id = Guid.CreateVersion7();
        await _hub.Store.PushAsync(First, [Changes.Dossier(First.NodeId, 1, CommuneA, "Vàng Thị Dua", id: id), Changes.Dossier(First.NodeId, 2, CommuneA, "Lò Văn Pó")]);
        var lookup = _hub.Services.GetRequiredService<IConsoleDossierLookup>();

        var hits = await lookup.SearchAsync(Viewer, "vang thi dua", default);
        var byCode = await lookup.SearchAsync(Viewer, id.ToString("N")[..12], default);
        var read = await lookup.ReadAsync(Viewer, id, default);

        Assert.Equal(id, Assert.Single(hits).Id);
        // The slip's code is the first 12 hex digits of a version-7 id: its millisecond timestamp, so two dossiers made
        // in the same millisecond (as here) share it, and the lookup lists both.
        Assert.Contains(byCode, h => h.Id == id);
        Assert.NotNull(read);
        Assert.Equal("Vàng Thị Dua", read.Dossier.ApplicantName);
        var audit = await _hub.Services.GetRequiredService<IConsoleAudit>().ListAsync(10, default);
        Assert.Contains(audit, e => e.Action == "lookup.search" && e.Actor == "xem.tinh" && e.Target == "vang thi dua");
        Assert.Contains(audit, e => e.Action == "lookup.view" && e.Actor == "xem.tinh" && e.Target == $"{CommuneA}/{id.ToString("N")[..12].ToUpperInvariant()}");
    }

    private static ClaimsPrincipal Principal(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));
}
