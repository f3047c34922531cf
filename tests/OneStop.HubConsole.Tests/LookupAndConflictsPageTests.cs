using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OneStop.HubConsole.Pages;
using OneStop.HubConsole.Ports;
using OneStop.HubConsole.Security;

namespace OneStop.HubConsole.Tests;

public sealed class LookupAndConflictsPageTests : ConsoleTestContext
{
    private static readonly Guid DossierId = Guid.Parse("0190f000-0000-7000-8000-000000000001");
    private readonly FakeLookup _lookup = new();
    private readonly FakeConflicts _conflicts = new();

    public LookupAndConflictsPageTests()
    {
        Services.AddSingleton<IConsoleDossierLookup>(_lookup);
        Services.AddSingleton<IConsoleConflicts>(_conflicts);
    }

    [Fact]
    public void Lookup_ViewerSearchesAndOpens_PortCalledAsThatViewerBothTimes()
    {
        AddAuthorization().SetAuthorized("xem.tinh").SetRoles(ConsoleRoles.Viewer);
        var page = RenderInteractive<LookupPage>();

        page.Find("[data-testid=lookup-query]").Change("Vàng Thị Dua");
        page.Find("[data-testid=lookup-form]").Submit();
        page.Find("[data-testid=lookup-open]").Click();

        Assert.Equal([("xem.tinh", "search:Vàng Thị Dua"), ("xem.tinh", "read:" + DossierId)], _lookup.Calls);
        Assert.Contains("Sùng Mí Chứ", page.Find("[data-testid=lookup-dossier]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=lookup-audited]"));
    }

    [Fact]
    public void Conflicts_ViewerSeesBothValuesButNoButtons_AdminKeepsTheOther()
    {
        AddAuthorization().SetAuthorized("xem.tinh").SetRoles(ConsoleRoles.Viewer);
        var page = RenderInteractive<ConflictsPage>();

        Assert.Equal("\"Lò Văn Hưng\"", page.Find("[data-testid=conflict-winner]").TextContent);
        Assert.Equal("\"Lò Văn Hùng\"", page.Find("[data-testid=conflict-loser]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=keep-loser]"));
    }

    [Fact]
    public void Conflicts_AdminKeepsTheSetAsideValue_PortGetsThatSide()
    {
        AddAuthorization().SetAuthorized("qt.tinh").SetRoles(ConsoleRoles.Admin);
        var page = RenderInteractive<ConflictsPage>();

        page.Find("[data-testid=keep-loser]").Click();

        Assert.Equal([("qt.tinh", ConflictSide.Loser)], _conflicts.Resolved);
        Assert.NotNull(page.Find("[data-testid=conflicts-empty]"));
    }

    private sealed class FakeLookup : IConsoleDossierLookup
    {
        private static readonly DossierHit Hit = new(DossierId, "0190F0000000", "03006", "hotich.khaisinh", "Vàng Thị Dua", "received", null);

        public List<(string Actor, string Call)> Calls { get; } = [];

        public Task<IReadOnlyList<DossierHit>> SearchAsync(ClaimsPrincipal actor, string query, CancellationToken cancellationToken)
        {
            Calls.Add((actor.Identity?.Name ?? "?", "search:" + query));
            return Task.FromResult<IReadOnlyList<DossierHit>>([Hit]);
        }

        public Task<DossierRead?> ReadAsync(ClaimsPrincipal actor, Guid id, CancellationToken cancellationToken)
        {
            Calls.Add((actor.Identity?.Name ?? "?", "read:" + id));
            return Task.FromResult<DossierRead?>(new DossierRead(Hit, [new("form.requester.full_name", "Sùng Mí Chứ")]));
        }
    }

    private sealed class FakeConflicts : IConsoleConflicts
    {
        private readonly List<ConflictView> _open =
        [
            new(Guid.NewGuid(), DossierId, "dossier", "03006", "applicant_name", "\"Lò Văn Hưng\"", "node-x2", 1_700_000_000_500, "\"Lò Văn Hùng\"", "node-x1", 1_700_000_000_000),
        ];

        public List<(string Actor, ConflictSide Side)> Resolved { get; } = [];

        public Task<IReadOnlyList<ConflictView>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ConflictView>>([.. _open]);

        public Task<ConsoleResult> ResolveAsync(ClaimsPrincipal actor, Guid conflictId, ConflictSide keep, CancellationToken cancellationToken)
        {
            Resolved.Add((actor.Identity?.Name ?? "?", keep));
            _open.RemoveAll(c => c.Id == conflictId);
            return Task.FromResult(ConsoleResult.Ok);
        }
    }
}
