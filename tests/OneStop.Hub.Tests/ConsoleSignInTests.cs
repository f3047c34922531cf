using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Hub.AdminConsole;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.HubConsole.Security;

namespace OneStop.Hub.Tests;

/// <summary>Province accounts: the first admin's one-time password, sign-in through the real form, lockout, the reset verb.</summary>
public sealed class ConsoleSignInTests : IAsyncLifetime
{
    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await HubTestHost.StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    private string PasswordFile => Path.Combine(_hub.DataDirectory, FirstConsoleAdmin.FileName);

    [Fact]
    public async Task FirstStart_AdminPasswordFile_OwnerOnlyWithoutBomAndSignsIn()
    {
        var bytes = await File.ReadAllBytesAsync(PasswordFile);
        var password = Encoding.UTF8.GetString(bytes).Trim();

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Matches("^[0-9a-f]{18}$", password);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PasswordFile));
        }

        var (status, location, fleet) = await SignInAsync(FirstConsoleAdmin.UserName, password);
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/fleet", location);
        Assert.Equal(HttpStatusCode.OK, fleet);
        var audit = await _hub.Services.GetRequiredService<ConsoleAuditLog>().ListAsync(10, default);
        Assert.Contains(audit, e => e.Action == "console.signin" && e.Actor == FirstConsoleAdmin.UserName);
        Assert.Contains(audit, e => e.Action == "console.first_admin");
    }

    [Fact]
    public async Task SecondStart_SameData_KeepsTheFirstPassword()
    {
        var first = await File.ReadAllTextAsync(PasswordFile);
        await using var again = await HubTestHost.StartAsync(new Dictionary<string, string?> { ["Hub:DataDirectory"] = _hub.DataDirectory, });

        Assert.Equal(first, await File.ReadAllTextAsync(PasswordFile));
    }

    [Fact]
    public async Task WrongPasswordFiveTimes_RightPasswordThenRefusedAsLocked()
    {
        var password = (await File.ReadAllTextAsync(PasswordFile)).Trim();
        for (var i = 0; i < Core.Accounts.SignInLockout.DefaultMaxFailures; i++)
        {
            var (_, wrongLocation, _) = await SignInAsync(FirstConsoleAdmin.UserName, "not-the-password");
            Assert.Contains("error=", wrongLocation, StringComparison.Ordinal);
        }

        var (_, location, fleet) = await SignInAsync(FirstConsoleAdmin.UserName, password);

        Assert.StartsWith("/signin?error=locked", location, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, fleet);
    }

    [Fact]
    public async Task ResetVerb_LockedAdmin_NewPasswordSignsInOldDoesNot()
    {
        var old = (await File.ReadAllTextAsync(PasswordFile)).Trim();
        for (var i = 0; i < Core.Accounts.SignInLockout.DefaultMaxFailures; i++)
        {
            await SignInAsync(FirstConsoleAdmin.UserName, "not-the-password");
        }

        var exit = await ConsoleAdminCommand.RunAsync([ConsoleAdminCommand.Verb], _hub.DataDirectory, TimeProvider.System);
        var fresh = (await File.ReadAllTextAsync(PasswordFile)).Trim();

        Assert.Equal(0, exit);
        Assert.NotEqual(old, fresh);
        Assert.Contains("error=wrong", (await SignInAsync(FirstConsoleAdmin.UserName, old)).Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(FirstConsoleAdmin.UserName, fresh)).Fleet);
    }

    [Fact]
    public async Task ViewerAccount_SignsIn_ReadsFleetButCannotCreateAccounts()
    {
        var store = _hub.Services.GetRequiredService<ConsoleAccountStore>();
        await store.CreateAsync("xem.tinh", "Người xem", ConsoleRoles.Viewer, new Microsoft.AspNetCore.Identity.PasswordHasher<string>().HashPassword("xem.tinh", "chi-xem-thoi"), 0, default);
        var accounts = _hub.Services.GetRequiredService<HubConsole.Ports.IConsoleStaffAccounts>();
        var viewer = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, "xem.tinh"), new(System.Security.Claims.ClaimTypes.Role, ConsoleRoles.Viewer)], "test"));

        var (_, _, fleet) = await SignInAsync("xem.tinh", "chi-xem-thoi");
        var refused = await accounts.CreateAsync(viewer, new("03006", "canbo.moi", "Cán bộ mới", "staff", "mat-khau-moi-1"), default);

        Assert.Equal(HttpStatusCode.OK, fleet);
        Assert.Equal("accounts.error.forbidden", refused.ErrorKey);
        Assert.Null(await _hub.Store.GetAsync(Core.Accounts.StaffAccountFields.RecordId("03006", "canbo.moi")));
    }

    /// <summary>Signs in through the real form (antiforgery token from the page), then asks for the fleet page.</summary>
    private async Task<(HttpStatusCode Status, string Location, HttpStatusCode Fleet)> SignInAsync(string user, string password)
    {
        using var browser = new ConsoleBrowser(_hub.HttpAddress);
        var (status, location) = await browser.SignInAsync(user, password);
        var (fleet, _) = await browser.GetAsync("/fleet");
        return (status, location, fleet);
    }
}
