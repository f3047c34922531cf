using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OneStop.HubConsole.Pages;
using OneStop.HubConsole.Ports;
using OneStop.HubConsole.Security;

namespace OneStop.HubConsole.Tests;

public sealed class ReferencePageTests : ConsoleTestContext
{
    private readonly FakeReferenceData _reference = new();

    public ReferencePageTests() => Services.AddSingleton<IConsoleReferenceData>(_reference);

    [Fact]
    public void Admin_PublishesHolidayYear_PortGetsTheTypedDaysAndRowSaysPublished()
    {
        AddAuthorization().SetAuthorized("qt.tinh").SetRoles(ConsoleRoles.Admin);
        var page = RenderInteractive<ReferencePage>();
        Assert.Contains("Bảng có sẵn", page.Find("[data-testid=holiday-year][data-year='2027'] [data-testid=holiday-source]").TextContent, StringComparison.Ordinal);

        page.Find("[data-testid=h-year]").Change("2027");
        page.Find("[data-testid=h-extra]").Change("2027-06-07, 2027-06-08");
        page.Find("[data-testid=holiday-form]").Submit();

        var year = Assert.Single(_reference.Published);
        Assert.Equal(2027, year.Year);
        Assert.Equal([new DateOnly(2027, 6, 7), new DateOnly(2027, 6, 8)], year.ExtraDaysOff);
        // The rest of the form started from the built-in 2027 entry.
        Assert.Equal(new DateOnly(2027, 4, 16), year.HungKingsDay);
        Assert.Equal("Tỉnh đã công bố", page.Find("[data-testid=holiday-year][data-year='2027'] [data-testid=holiday-source]").TextContent);
    }

    [Fact]
    public void Admin_UnreadableDate_RefusedBeforeThePort()
    {
        AddAuthorization().SetAuthorized("qt.tinh").SetRoles(ConsoleRoles.Admin);
        var page = RenderInteractive<ReferencePage>();

        page.Find("[data-testid=h-extra]").Change("07/06/2027");
        page.Find("[data-testid=holiday-form]").Submit();

        Assert.Empty(_reference.Published);
        Assert.Contains("2027-02-08", page.Find("[data-testid=reference-message]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Viewer_SeesYearsBanksAndCommunesButNoForms()
    {
        _reference.Banks.Add(new CommuneBankAccount("03006", "970436", "0123456789", "UBND XA BAN LAU"));
        AddAuthorization().SetAuthorized("xem.tinh").SetRoles(ConsoleRoles.Viewer);

        var page = RenderInteractive<ReferencePage>();

        Assert.Equal(3, page.FindAll("[data-testid=holiday-year]").Count);
        Assert.Single(page.FindAll("[data-testid=bank-row]"));
        Assert.Single(page.FindAll("[data-testid=commune-row]"));
        Assert.Empty(page.FindAll("[data-testid=holiday-form]"));
        Assert.Empty(page.FindAll("[data-testid=bank-form]"));
    }
}
