using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OneStop.HubConsole.Localisation;
using OneStop.HubConsole.Pages;
using OneStop.HubConsole.Ports;
using OneStop.HubConsole.Security;

namespace OneStop.HubConsole.Tests;

public sealed class AccountsPageTests : ConsoleTestContext
{
    private readonly FakeStaffAccounts _accounts = new();

    public AccountsPageTests()
    {
        Services.AddSingleton<IConsoleStaffAccounts>(_accounts);
        _accounts.Accounts.Add(new StaffAccountView("03006", "canbo.mai", "Lò Thị Mai", "staff", false));
    }

    [Fact]
    public void Viewer_SeesAccountsButNoFormAndNoActions()
    {
        AddAuthorization().SetAuthorized("xem.tinh").SetRoles(ConsoleRoles.Viewer);

        var page = RenderInteractive<AccountsPage>();

        Assert.Single(page.FindAll("[data-testid=account-row]"));
        Assert.Empty(page.FindAll("[data-testid=create-form]"));
        Assert.Empty(page.FindAll("[data-testid=reset]"));
        Assert.NotNull(page.Find("[data-testid=read-only]"));
    }

    [Fact]
    public void Admin_CreatesAccount_PortCalledAsThatAdminAndRowAppears()
    {
        AddAuthorization().SetAuthorized("qt.tinh").SetRoles(ConsoleRoles.Admin);
        var page = RenderInteractive<AccountsPage>();

        page.Find("#new-commune").Change("03445");
        page.Find("#new-user").Change("canbo.hoa");
        page.Find("#new-name").Change("Cầm Thị Hoa");
        page.Find("#new-role").Change("commune_admin");
        page.Find("#new-password").Change("mat-khau-hoa-1");
        page.Find("[data-testid=create-form]").Submit();

        var (actor, account) = Assert.Single(_accounts.Created);
        Assert.Equal("qt.tinh", actor);
        Assert.Equal(new NewStaffAccount("03445", "canbo.hoa", "Cầm Thị Hoa", "commune_admin", "mat-khau-hoa-1"), account);
        Assert.Equal(2, page.FindAll("[data-testid=account-row]").Count);
        Assert.Contains("canbo.hoa", page.Find("[data-testid=accounts-message]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Admin_ResetWithShortPassword_ErrorShownInVietnamese()
    {
        AddAuthorization().SetAuthorized("qt.tinh").SetRoles(ConsoleRoles.Admin);
        var page = RenderInteractive<AccountsPage>();

        page.Find("[data-testid=reset-password]").Change("ngan");
        page.Find("[data-testid=reset]").Click();

        Assert.Equal(ConsoleText.Strings["accounts.error.password"].Vi, page.Find("[data-testid=accounts-message]").TextContent);
    }
}
