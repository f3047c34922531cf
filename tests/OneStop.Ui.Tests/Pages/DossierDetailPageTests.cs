using Bunit;
using OneStop.Core.Dossiers;
using OneStop.Ui.Pages.Desk;
using OneStop.Ui.Security;

namespace OneStop.Ui.Tests.Pages;

public sealed class DossierDetailPageTests
{
    [Fact]
    public void Reject_Clicked_AsksForAReasonAndChangesNothingYet()
    {
        var (desk, id) = InStatus(DossierStatus.Processing);
        using var context = DeskPageContext.Create(desk, DeskRoles.Staff);
        var page = context.Render<DossierDetail>(p => p.Add(x => x.Id, id));

        page.Find("[data-testid=to-rejected]").Click();

        Assert.NotNull(page.Find("[data-testid=confirm-dialog]"));
        Assert.True(page.Find("[data-testid=confirm-yes]").HasAttribute("disabled"));
        Assert.Empty(desk.StatusChanges);
    }

    [Fact]
    public void Reject_ConfirmedWithReason_SendsTheTrimmedReason()
    {
        var (desk, id) = InStatus(DossierStatus.Processing);
        using var context = DeskPageContext.Create(desk, DeskRoles.Staff);
        var page = context.Render<DossierDetail>(p => p.Add(x => x.Id, id));
        page.Find("[data-testid=to-rejected]").Click();

        page.Find("[data-testid=confirm-reason]").Input("  Thiếu bản chính để đối chiếu  ");
        page.Find("[data-testid=confirm-yes]").Click();

        Assert.Equal((id, DossierStatus.Rejected, "Thiếu bản chính để đối chiếu"), Assert.Single(desk.StatusChanges));
        Assert.Empty(page.FindAll("[data-testid=confirm-dialog]"));
        Assert.Equal("rejected", page.Find("[data-testid=dossier-status]").GetAttribute("data-status"));
    }

    [Fact]
    public void Reject_Cancelled_DialogClosesAndNothingChanges()
    {
        var (desk, id) = InStatus(DossierStatus.Processing);
        using var context = DeskPageContext.Create(desk, DeskRoles.Staff);
        var page = context.Render<DossierDetail>(p => p.Add(x => x.Id, id));
        page.Find("[data-testid=to-rejected]").Click();

        page.Find("[data-testid=confirm-no]").Click();

        Assert.Empty(page.FindAll("[data-testid=confirm-dialog]"));
        Assert.Empty(desk.StatusChanges);
    }

    [Fact]
    public void Processing_Clicked_MovesAtOnceWithoutReason()
    {
        var (desk, id) = InStatus(DossierStatus.Received);
        using var context = DeskPageContext.Create(desk, DeskRoles.Staff);
        var page = context.Render<DossierDetail>(p => p.Add(x => x.Id, id));

        page.Find("[data-testid=to-processing]").Click();

        Assert.Equal((id, DossierStatus.Processing, (string?)null), Assert.Single(desk.StatusChanges));
        Assert.Empty(page.FindAll("[data-testid=confirm-dialog]"));
    }

    [Fact]
    public void History_ReasonRecorded_ShownBesideTheStatus()
    {
        var (desk, id) = InStatus(DossierStatus.Received);
        desk.Dossiers[id] = desk.Dossiers[id] with
        {
            Status = DossierStatus.Rejected,
            History = [new(DossierStatus.Rejected, DeskPageContext.Now, "node-test", "canbo") { Reason = "Thiếu bản chính" }],
        };
        using var context = DeskPageContext.Create(desk, DeskRoles.Staff);

        var page = context.Render<DossierDetail>(p => p.Add(x => x.Id, id));

        Assert.Contains("Lý do: Thiếu bản chính", page.Find("li[data-status=rejected]").TextContent, StringComparison.Ordinal);
    }

    private static (FakeIntakeDesk Desk, Guid Id) InStatus(DossierStatus status)
    {
        var desk = new FakeIntakeDesk();
        var dossier = FakeIntakeDesk.Dossier(Guid.NewGuid(), "chungthuc.chuky", status);
        desk.Dossiers[dossier.Id] = dossier;
        return (desk, dossier.Id);
    }
}
