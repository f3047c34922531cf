using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Ui.Pages.Desk;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Ui.Tests.Pages;

public sealed class DossierListPageTests
{
    [Fact]
    public void Render_QueryString_SentToTheStoreAsOneQuery()
    {
        using var context = DeskPageContext.Create(new FakeIntakeDesk(), DeskRoles.Staff);
        context.Services.GetRequiredService<NavigationManager>().NavigateTo("/dossiers?q=nguyen%20van&status=received&procedure=hotich.khaisinh&due=overdue&from=2026-11-01&to=2026-11-30&page=2");

        context.Render<Dossiers>();

        var query = Assert.Single(context.Services.GetRequiredService<FakeDossierSearch>().Queries);
        Assert.Equal(new DeskDossierQuery("nguyen van", DossierStatus.Received, "hotich.khaisinh", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), DeskDueFilter.Overdue, 2), query);
    }

    [Fact]
    public void Search_Submitted_NavigatesWithTheTypedTextAndFirstPage()
    {
        using var context = DeskPageContext.Create(new FakeIntakeDesk(), DeskRoles.Staff);
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/dossiers?page=3");
        var page = context.Render<Dossiers>();

        page.Find("[data-testid=dossier-search]").Change("Nguyễn Văn");
        page.Find("[data-testid=filter-status]").Change("draft");
        page.Find("[data-testid=dossier-filters]").Submit();

        Assert.EndsWith("/dossiers?q=Nguy%E1%BB%85n%20V%C4%83n&status=draft", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ManyMatches_TotalPagesAndNextLinkKeepTheFilters()
    {
        using var context = DeskPageContext.Create(new FakeIntakeDesk(), DeskRoles.Staff);
        var search = context.Services.GetRequiredService<FakeDossierSearch>();
        search.Rows.Add(FakeIntakeDesk.Dossier(Guid.CreateVersion7(), "hotich.khaisinh", DossierStatus.Received) with { ApplicantName = "Nguyễn Văn Bình" });
        search.Total = 60;
        context.Services.GetRequiredService<NavigationManager>().NavigateTo("/dossiers?q=nguyen");

        var page = context.Render<Dossiers>();

        Assert.Equal("60 hồ sơ · trang 1/3", page.Find("[data-testid=dossier-total]").TextContent);
        Assert.Equal("/dossiers?q=nguyen&page=2", page.Find("[data-testid=page-next]").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=page-previous]"));
        Assert.Contains("Nguyễn Văn Bình", page.Find("[data-testid=dossier-table]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FilterButton_SaysItSearchesDossiers()
    {
        using var context = DeskPageContext.Create(new FakeIntakeDesk(), DeskRoles.Staff);

        var page = context.Render<Dossiers>();

        Assert.Equal("Tìm hồ sơ", page.Find("[data-testid=dossier-search-go]").TextContent.Trim());
    }
}
