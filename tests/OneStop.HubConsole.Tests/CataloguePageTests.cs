using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OneStop.HubConsole.Pages;
using OneStop.HubConsole.Ports;
using OneStop.HubConsole.Security;

namespace OneStop.HubConsole.Tests;

public sealed class CataloguePageTests : ConsoleTestContext
{
    private const string LateBirth = "hotich.khaisinh_quahan";
    private readonly FakeCatalogue _catalogue = new();

    public CataloguePageTests()
    {
        Services.AddSingleton<IConsoleCatalogue>(_catalogue);
        // 10:00 on 15 November 2026 in Vietnam.
        Services.AddSingleton<TimeProvider>(new FixedTime(new DateTimeOffset(2026, 11, 15, 3, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Viewer_SeesEveryProcedureAndNoForm()
    {
        AddAuthorization().SetAuthorized("xem.tinh").SetRoles(ConsoleRoles.Viewer);

        var page = RenderInteractive<CataloguePage>();

        Assert.Equal(_catalogue.Procedures.Count, page.FindAll("[data-testid=procedure-row]").Count);
        Assert.Empty(page.FindAll("[data-testid=new-procedure-form]"));
        Assert.NotNull(page.Find("[data-testid=read-only]"));
    }

    [Fact]
    public void Admin_PublishesFeeChange_PortGetsDateAndAmountAndPreviewFollowsTheDay()
    {
        AddAuthorization().SetAuthorized("qt.tinh").SetRoles(ConsoleRoles.Admin);
        var page = RenderInteractive<ProcedurePage>(p => p.Add(x => x.Code, LateBirth));

        // The form defaults to the first of next month; the amounts start from the table in force that day.
        Assert.Equal("2026-12-01", page.Find("[data-testid=fee-from]").GetAttribute("value"));
        page.Find("[data-testid=fee-amount][data-fee=late]").Change("10000");
        page.Find("[data-testid=fee-form]").Submit();

        var (actor, code, from, amounts) = Assert.Single(_catalogue.Published);
        Assert.Equal(("qt.tinh", LateBirth, new DateOnly(2026, 12, 1)), (actor, code, from));
        Assert.Equal(10000, amounts["late"]);
        Assert.Equal("8.000 đ", page.Find("[data-testid=preview-fee-amount]").TextContent);
        page.Find("[data-testid=preview-day]").Change("2026-12-01");
        Assert.Equal("10.000 đ", page.Find("[data-testid=preview-fee-amount]").TextContent);
        Assert.Single(page.FindAll("[data-testid=fee-version]"));
    }

    [Fact]
    public void Viewer_ProcedurePage_PreviewOnlyNoForms()
    {
        AddAuthorization().SetAuthorized("xem.tinh").SetRoles(ConsoleRoles.Viewer);

        var page = RenderInteractive<ProcedurePage>(p => p.Add(x => x.Code, "hotich.khaisinh"));

        Assert.NotNull(page.Find("[data-testid=preview]"));
        Assert.NotEmpty(page.FindAll("[data-testid=preview-form] li"));
        Assert.Empty(page.FindAll("[data-testid=fee-form]"));
        Assert.Empty(page.FindAll("[data-testid=edit-form]"));
    }
}
