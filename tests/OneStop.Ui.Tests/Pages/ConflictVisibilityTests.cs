using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Ui.Layout;
using OneStop.Ui.Pages.Desk;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Ui.Tests.Pages;

public sealed class ConflictVisibilityTests
{
    [Fact]
    public void DossierPage_OpenConflictOnThisDossier_WarnsWithLinkToResolve()
    {
        var (desk, id) = OneDossier();
        using var context = DeskPageContext.Create(desk, DeskRoles.Staff);
        var conflicts = context.Services.GetRequiredService<FakeConflicts>();
        conflicts.Open.Add(Conflict(id, "applicant_name"));
        conflicts.Open.Add(Conflict(Guid.NewGuid(), "status"));

        var page = context.Render<DossierDetail>(p => p.Add(x => x.Id, id));

        Assert.Contains("1 xung đột", page.Find("[data-testid=dossier-conflict]").TextContent, StringComparison.Ordinal);
        Assert.Contains("applicant_name", page.Find("[data-testid=dossier-conflict]").TextContent, StringComparison.Ordinal);
        Assert.Equal("/conflicts", page.Find("[data-testid=dossier-conflict-link]").GetAttribute("href"));
    }

    [Fact]
    public void DossierPage_ConflictsOnlyElsewhere_NoWarning()
    {
        var (desk, id) = OneDossier();
        using var context = DeskPageContext.Create(desk, DeskRoles.Staff);
        context.Services.GetRequiredService<FakeConflicts>().Open.Add(Conflict(Guid.NewGuid(), "status"));

        var page = context.Render<DossierDetail>(p => p.Add(x => x.Id, id));

        Assert.Empty(page.FindAll("[data-testid=dossier-conflict]"));
    }

    [Fact]
    public void NavBadge_ConflictArrivesWhilePageOpen_CountShownWithoutReload()
    {
        using var context = DeskPageContext.Create(new FakeIntakeDesk(), DeskRoles.Staff);
        var conflicts = context.Services.GetRequiredService<FakeConflicts>();
        var badge = context.Render<ConflictCountBadge>();
        Assert.Empty(badge.FindAll("[data-testid=conflict-count]"));

        conflicts.Open.Add(Conflict(Guid.NewGuid(), "status"));
        conflicts.Open.Add(Conflict(Guid.NewGuid(), "applicant_name"));

        badge.WaitForAssertion(() => Assert.Equal("2", badge.Find("[data-testid=conflict-count]").TextContent), TimeSpan.FromSeconds(10));
    }

    private static DeskConflict Conflict(Guid recordId, string field) =>
        new(Guid.NewGuid(), recordId, "dossier", field, new ConflictSide("\"a\"", "node-a", DeskPageContext.Now), new ConflictSide("\"b\"", "node-b", DeskPageContext.Now));

    private static (FakeIntakeDesk Desk, Guid Id) OneDossier()
    {
        var desk = new FakeIntakeDesk();
        var dossier = FakeIntakeDesk.Dossier(Guid.NewGuid(), "chungthuc.chuky", DossierStatus.Processing);
        desk.Dossiers[dossier.Id] = dossier;
        return (desk, dossier.Id);
    }
}
