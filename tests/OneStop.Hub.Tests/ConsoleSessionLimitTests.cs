using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneStop.Hub.AdminConsole;
using OneStop.Hub.Tests.Infrastructure;

namespace OneStop.Hub.Tests;

/// <summary>
/// A province admin's console session ends after an hour without a request, and 8 hours after sign-in however busy
/// the admin is. Time is the hub's own clock, made a fake one here, so hours pass without waiting.
/// </summary>
public sealed class ConsoleSessionLimitTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 7, 30, 0, TimeSpan.FromHours(7)));

    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await HubTestHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(_time));

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Console_BusyAdmin_SignedOutEightHoursAfterSignIn()
    {
        using var browser = new ConsoleBrowser(_hub.HttpAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(FirstConsoleAdmin.UserName, await PasswordAsync())).Status);

        // A request every 50 minutes keeps the idle limit sliding for the whole working day...
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(7.5); elapsed += TimeSpan.FromMinutes(50))
        {
            _time.Advance(TimeSpan.FromMinutes(50));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/fleet")).Status);
        }

        // ...but not past the day's end.
        _time.Advance(TimeSpan.FromMinutes(40));
        var (status, location) = await browser.GetAsync("/fleet");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("/signin", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_IdleForAnHour_SignedOut()
    {
        using var browser = new ConsoleBrowser(_hub.HttpAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(FirstConsoleAdmin.UserName, await PasswordAsync())).Status);
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/fleet")).Status);

        _time.Advance(TimeSpan.FromMinutes(61));
        var (status, location) = await browser.GetAsync("/fleet");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("/signin", location, StringComparison.Ordinal);
    }

    private async Task<string> PasswordAsync() => (await File.ReadAllTextAsync(Path.Combine(_hub.DataDirectory, FirstConsoleAdmin.FileName))).Trim();
}
