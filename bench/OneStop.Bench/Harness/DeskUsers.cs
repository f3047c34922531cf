using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;

namespace OneStop.Bench.Harness;

/// <summary>
/// Clerks at the desk in Debian's Chromium (Playwright): each signed in through the form, each page of theirs an
/// Interactive Server circuit held open by the edge. The browser runs outside the edge's CPU budget.
/// </summary>
internal sealed class DeskUsers : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Password = "ban-can-bo-mot-cua";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Uri _edge;

    private DeskUsers(IPlaywright playwright, IBrowser browser, Uri edge)
    {
        _playwright = playwright;
        _browser = browser;
        _edge = edge;
    }

    public List<IPage> Pages { get; } = [];

    /// <summary>Edge settings that create <paramref name="count"/> staff accounts, "canbo1"…, all with one password.</summary>
    public static Dictionary<string, string> Accounts(int count)
    {
        var hasher = new PasswordHasher<string>();
        var settings = new Dictionary<string, string>();
        for (var i = 0; i < count; i++)
        {
            var user = $"canbo{i + 1}";
            settings[$"Edge:Ui:Accounts:{i}:UserName"] = user;
            settings[$"Edge:Ui:Accounts:{i}:DisplayName"] = $"Cán bộ {i + 1}";
            settings[$"Edge:Ui:Accounts:{i}:Role"] = "staff";
            settings[$"Edge:Ui:Accounts:{i}:PasswordHash"] = hasher.HashPassword(user, Password);
        }

        return settings;
    }

    public static async Task<DeskUsers> LaunchAsync(Uri edge)
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: apt-get install -y chromium.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new DeskUsers(playwright, browser, edge);
    }

    /// <summary>Signs the next clerk in (a static form post) and returns the page, on the desk's start page.</summary>
    public async Task<IPage> SignInAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _edge.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "vi-VN",
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.Locator("#userName").FillAsync($"canbo{Pages.Count + 1}");
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("form[action='/account/signin'] button[type=submit]").ClickAsync();
        await page.GetByTestId("who").WaitForAsync();
        Pages.Add(page);
        return page;
    }

    /// <summary>
    /// Seconds from asking for <paramref name="path"/> until <paramref name="ready"/> shows. The desk renders without
    /// prerendering, so that element exists only once the page's circuit is connected and has rendered: interactive.
    /// </summary>
    public static async Task<double> TimeToInteractiveAsync(IPage page, string path, string ready, TimeProvider time)
    {
        var start = time.GetTimestamp();
        await page.GotoAsync(path);
        await page.Locator(ready).First.WaitForAsync();
        return time.GetElapsedTime(start).TotalSeconds;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
