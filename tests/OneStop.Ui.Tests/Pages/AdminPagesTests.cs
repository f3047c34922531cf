using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Nodes;
using OneStop.Ui.Pages.Desk.Admin;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Ui.Tests.Pages;

public sealed class AdminPagesTests
{
    private static BunitContext Context(FakeNodeSettings settings, FakeStaffAccounts accounts)
    {
        return DeskPageContext.Create(new FakeIntakeDesk(), DeskRoles.CommuneAdmin, services =>
        {
            services.AddSingleton<IDeskNodeSettings>(settings);
            services.AddSingleton<IDeskStaffAccounts>(accounts);
        });
    }

    [Fact]
    public void Setup_Opened_PublicAddressDefaultsToTheLanAddress()
    {
        using var context = Context(new FakeNodeSettings(), new FakeStaffAccounts());

        var page = context.Render<Setup>();

        Assert.Equal("http://192.168.1.20:5080", page.Find("[data-testid=public-address]").GetAttribute("value"));
        Assert.Contains("/enrol", page.Find("[data-testid=enrolment]").InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Setup_CommuneSearchedWithoutDiacritics_ChoosingItSetsCodeAndName()
    {
        var settings = new FakeNodeSettings();
        settings.Stored.Clear();
        using var context = Context(settings, new FakeStaffAccounts());
        var page = context.Render<Setup>();

        page.Find("[data-testid=commune-search]").Input("sa pa");
        page.Find("[data-testid=commune-03006]").Click();

        Assert.Contains("Phường Sa Pa", page.Find("[data-testid=commune-chosen]").TextContent, StringComparison.Ordinal);
        FillPasswords(page, "cay-tre-gia-mang-moc");
        page.Find("[data-testid=setup-form]").Submit();
        var saved = Assert.Single(settings.Saves);
        Assert.Equal("03006", saved.Values[NodeConfigFields.CommuneCode]);
        Assert.Equal("Phường Sa Pa", saved.Values[NodeConfigFields.CommuneName]);
    }

    [Fact]
    public void Setup_PasswordsDiffer_SaysSoAndSavesNothing()
    {
        var settings = new FakeNodeSettings();
        using var context = Context(settings, new FakeStaffAccounts());
        var page = context.Render<Setup>();

        page.Find("[data-testid=new-password]").Change("cay-tre-gia-mang-moc");
        page.Find("[data-testid=new-password-again]").Change("cay-tre-gia-mang-moi");
        page.Find("[data-testid=setup-form]").Submit();

        Assert.Contains("không giống nhau", page.Find("[data-testid=error-admin_password]").TextContent, StringComparison.Ordinal);
        Assert.Empty(settings.Saves);
    }

    [Fact]
    public void Setup_BadBinAndAddress_ErrorsUnderThoseFieldsAndNotDone()
    {
        var settings = new FakeNodeSettings();
        using var context = Context(settings, new FakeStaffAccounts());
        var page = context.Render<Setup>();

        page.Find("[data-testid=bank-bin]").Change("97040");
        page.Find("[data-testid=bank-account]").Change("1234567890");
        page.Find("[data-testid=public-address]").Change("192.168.1.20");
        FillPasswords(page, "cay-tre-gia-mang-moc");
        page.Find("[data-testid=setup-form]").Submit();

        Assert.Contains("6 chữ số", page.Find($"[data-testid=error-{NodeConfigFields.BankBin}]").TextContent, StringComparison.Ordinal);
        Assert.Contains("http://", page.Find($"[data-testid=error-{NodeConfigFields.PublicAddress}]").TextContent, StringComparison.Ordinal);
        Assert.False(settings.Completed);
    }

    [Fact]
    public void Setup_Valid_CompletesWithTheChosenPasswordAndGoesToSettings()
    {
        var settings = new FakeNodeSettings();
        using var context = Context(settings, new FakeStaffAccounts());
        var page = context.Render<Setup>();

        page.Find("[data-testid=office]").Change("Bộ phận Một cửa — UBND phường Sa Pa");
        FillPasswords(page, "cay-tre-gia-mang-moc");
        page.Find("[data-testid=setup-form]").Submit();

        var saved = Assert.Single(settings.Saves);
        Assert.True(saved.CompleteSetup);
        Assert.Equal("cay-tre-gia-mang-moc", saved.Password);
        Assert.Equal("http://192.168.1.20:5080", saved.Values[NodeConfigFields.PublicAddress]);
        Assert.EndsWith("/settings?done=setup", context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_Saved_WritesWithoutCompletingSetup()
    {
        var settings = new FakeNodeSettings { Completed = true };
        using var context = Context(settings, new FakeStaffAccounts());
        var page = context.Render<Settings>();

        page.Find("[data-testid=public-address]").Change("https://motcua.laocai.gov.vn/sapa");
        page.Find("[data-testid=settings-form]").Submit();

        var saved = Assert.Single(settings.Saves);
        Assert.False(saved.CompleteSetup);
        Assert.Equal("https://motcua.laocai.gov.vn/sapa", saved.Values[NodeConfigFields.PublicAddress]);
        Assert.NotNull(page.Find("[data-testid=settings-saved]"));
    }

    [Fact]
    public void Accounts_DisableClicked_AsksFirstAndChangesNothing()
    {
        var accounts = WithOne();
        using var context = Context(new FakeNodeSettings(), accounts);
        var page = context.Render<Accounts>();

        page.Find("[data-testid='disable-cam.hoa']").Click();

        Assert.Contains("cam.hoa", page.Find("[data-testid=confirm-dialog]").TextContent, StringComparison.Ordinal);
        Assert.Empty(accounts.Calls);
    }

    [Fact]
    public void Accounts_DisableConfirmed_DisablesAndShowsIt()
    {
        var accounts = WithOne();
        using var context = Context(new FakeNodeSettings(), accounts);
        var page = context.Render<Accounts>();

        page.Find("[data-testid='disable-cam.hoa']").Click();
        page.Find("[data-testid=confirm-yes]").Click();

        Assert.Equal(["disable cam.hoa"], accounts.Calls);
        Assert.Equal("Đã khóa", page.Find("[data-testid='state-cam.hoa']").TextContent);
        Assert.Empty(page.FindAll("[data-testid=confirm-dialog]"));
    }

    [Fact]
    public void Accounts_CreateWithCommonPassword_RefusedInWords()
    {
        var accounts = new FakeStaffAccounts();
        using var context = Context(new FakeNodeSettings(), accounts);
        var page = context.Render<Accounts>();

        page.Find("[data-testid=new-user]").Change("lo.mai");
        page.Find("[data-testid=new-name]").Change("Lò Thị Mai");
        page.Find("[data-testid=new-account-password]").Change("1234567890");
        page.Find("[data-testid=account-form]").Submit();

        Assert.Contains("phổ biến", page.Find("[data-testid=accounts-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(accounts.Accounts);
    }

    [Fact]
    public void Accounts_CreateVolunteer_ListedWithItsRole()
    {
        var accounts = new FakeStaffAccounts();
        using var context = Context(new FakeNodeSettings(), accounts);
        var page = context.Render<Accounts>();

        page.Find("[data-testid=new-user]").Change("giang.pao");
        page.Find("[data-testid=new-name]").Change("Giàng A Páo");
        page.Find("[data-testid=new-role]").Change(DeskRoles.Volunteer);
        page.Find("[data-testid=new-account-password]").Change("nui-cao-suoi-sau");
        page.Find("[data-testid=account-form]").Submit();

        Assert.Equal(["create giang.pao volunteer"], accounts.Calls);
        Assert.Contains("Tình nguyện viên", page.Find("tr[data-account='giang.pao']").TextContent, StringComparison.Ordinal);
    }

    private static FakeStaffAccounts WithOne()
    {
        var accounts = new FakeStaffAccounts();
        accounts.Accounts["cam.hoa"] = new DeskStaffAccount("cam.hoa", "Cầm Thị Hoa", DeskRoles.Staff, false);
        return accounts;
    }

    private static void FillPasswords<T>(IRenderedComponent<T> page, string password)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        page.Find("[data-testid=new-password]").Change(password);
        page.Find("[data-testid=new-password-again]").Change(password);
    }
}
