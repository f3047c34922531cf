using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace OneStop.EndToEnd.Tests.Ui;

/// <summary>
/// The desk on a 768 px tablet and a 360 px phone (issue 11, item 8): every main page fits the width, its tables
/// stay readable, its text whole, and its main buttons (and the menu) can be pressed.
/// </summary>
public sealed class NarrowScreenUiTests
{
    [ChromiumFact]
    public async Task DeskPages_Tablet768_NoSidewaysScrollTablesReadableButtonsPressable() => await CheckAsync(768, 1024);

    [ChromiumFact]
    public async Task DeskPages_Phone360_NoSidewaysScrollTablesReadableButtonsPressable() => await CheckAsync(360, 740);

    private static async Task CheckAsync(int width, int height)
    {
        await using var node = new UiNode();
        await node.StartAsync();
        await using var browser = await DeskBrowser.LaunchAsync();

        // A received dossier, so the detail page has its history and the search its table.
        var setup = await browser.NewPageAsync(node.BaseUrl);
        await setup.GotoAsync("/signin");
        await DeskSteps.SignInAsync(setup, "canbo", UiNode.StaffPassword);
        var dossierId = await DeskSteps.FileReceivedSignatureCertificationAsync(setup);
        // And a resident waiting, so "call next" has someone to call.
        await setup.GotoAsync("/queue");
        await setup.GetByTestId("queue-take-submit").ClickAsync();
        await setup.WaitForURLAsync(new Regex("/queue/ticket/"));

        var problems = new List<string>();
        var page = await browser.NewPageAsync(node.BaseUrl, width, height);
        await page.GotoAsync("/signin");
        await Expect(page.Locator("#userName")).ToBeVisibleAsync();
        problems.AddRange(await LayoutProbe.ProblemsAsync(page, "/signin", "form[action='/account/signin'] button[type=submit]"));

        // The resident pages of the same node, before signing in.
        await page.GotoAsync("/queue");
        problems.AddRange(await LayoutProbe.ProblemsAsync(page, "/queue (kiosk)", "[data-testid=queue-take-submit]", "[data-testid=queue-take-collect]"));
        await page.GotoAsync($"/status/{dossierId}");
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        problems.AddRange(await LayoutProbe.ProblemsAsync(page, "/status (resident)"));
        await page.GotoAsync("/signin");
        await DeskSteps.SignInAsync(page, "canbo", UiNode.StaffPassword);

        await page.GotoAsync("/");
        await Expect(page.GetByTestId("proc-results")).ToBeVisibleAsync();
        problems.AddRange(await LayoutProbe.ProblemsAsync(page, "/ (procedures)", ".mainnav a", "[data-testid=proc-results] a >> nth=0"));

        await page.GotoAsync("/queue/call");
        await Expect(page.GetByTestId("queue-call")).ToBeVisibleAsync();
        problems.AddRange(await LayoutProbe.ProblemsAsync(page, "/queue/call", "[data-testid=call-next]"));

        await page.GotoAsync("/dossiers/new/hotich.khaisinh");
        await Expect(page.Locator("#f-mother-id_number")).ToBeVisibleAsync();
        problems.AddRange(await LayoutProbe.ProblemsAsync(page, "new dossier", "[data-testid=save-draft]", "[data-testid=receive]"));

        await page.GotoAsync($"/dossiers/{dossierId}");
        await Expect(page.GetByTestId("dossier-status")).ToBeVisibleAsync();
        problems.AddRange(await LayoutProbe.ProblemsAsync(page, "dossier detail", "[data-testid=to-processing]", "[data-testid=slip-link]"));

        await page.GotoAsync("/dossiers");
        await Expect(page.GetByTestId("dossier-table")).ToBeVisibleAsync();
        problems.AddRange(await LayoutProbe.ProblemsAsync(page, "/dossiers (search)", "[data-testid=dossier-search-go]"));

        await page.GotoAsync("/devices");
        await Expect(page.GetByTestId("devices")).ToBeVisibleAsync();
        problems.AddRange(await LayoutProbe.ProblemsAsync(page, "/devices", "[data-testid=sim-scan]"));
        await DeskBrowser.ScreenshotAsync(page, $"70-devices-{width}");

        var admin = await browser.NewPageAsync(node.BaseUrl, width, height);
        await admin.GotoAsync("/signin");
        await DeskSteps.SignInAsync(admin, "admin", UiNode.AdminPassword);
        await admin.GotoAsync("/settings");
        await Expect(admin.GetByTestId("settings-save")).ToBeVisibleAsync();
        problems.AddRange(await LayoutProbe.ProblemsAsync(admin, "/settings", "[data-testid=settings-save]"));
        // One account made on the narrow screen itself, so the accounts table is there to check.
        await admin.GotoAsync("/accounts");
        await admin.GetByTestId("new-user").FillAsync("cam.hoa");
        await admin.GetByTestId("new-name").FillAsync("Cầm Thị Hoa");
        await admin.GetByTestId("new-account-password").FillAsync("cau-may-tren-deo");
        await admin.GetByTestId("account-create").ClickAsync();
        await Expect(admin.Locator("tr[data-account='cam.hoa']")).ToBeVisibleAsync();
        problems.AddRange(await LayoutProbe.ProblemsAsync(admin, "/accounts", "[data-testid=account-create]"));
        await DeskBrowser.ScreenshotAsync(admin, $"71-accounts-{width}");

        Assert.True(problems.Count == 0, $"{problems.Count} layout problems at {width} px:\n" + string.Join("\n", problems));
    }
}
