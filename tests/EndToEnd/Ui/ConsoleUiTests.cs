using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OneStop.EndToEnd.Tests.Ui;

/// <summary>
/// The province console on a real hub with a real node: the first admin signs in with the one-time password,
/// finds the silent node, creates a staff account, and that account signs in at the commune with the hub gone.
/// </summary>
public sealed class ConsoleUiTests
{
    private const string SilentNode = "node-batxat-01";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [ChromiumFact]
    public async Task AdminCreatesStaffAccountOnConsole_NodeSyncs_AccountSignsInAtTheDeskOffline()
    {
        await using var cluster = new SyncCluster();
        await cluster.StartHubAsync(new Dictionary<string, string>
        {
            // Registered but never started: the fleet must show it as silent.
            ["Hub:Nodes:1:Id"] = SilentNode,
            ["Hub:Nodes:1:CommuneCode"] = "03445",
            ["Hub:Nodes:1:Key"] = "never-used-key",
        });
        await cluster.StartEdgeAsync();
        await Eventually.WaitForAsync(() => cluster.HubJsonAsync("/api/nodes"),
            nodes => nodes.EnumerateArray().Any(n => n.GetProperty("nodeId").GetString() == cluster.Edge.NodeId && n.GetProperty("lastSeenMs").ValueKind == System.Text.Json.JsonValueKind.Number),
            Patience, cluster.Logs);
        var password = (await File.ReadAllTextAsync(Path.Combine(cluster.HubDataDirectory, "console-admin-password"))).Trim();

        await using var browser = await DeskBrowser.LaunchAsync();
        var console = await browser.NewPageAsync(new Uri($"http://127.0.0.1:{cluster.HubHttpPort}/"));
        await console.GotoAsync("/fleet");
        await Expect(console).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await console.Locator("#userName").FillAsync("admin");
        await console.Locator("#password").FillAsync(password);
        await console.GetByTestId("signin").ClickAsync();
        await Expect(console.GetByTestId("who")).ToContainTextAsync("admin");
        await WaitInteractiveAsync(console);

        // The silent node, found through the state filter; the running node is not in that list.
        await console.GetByTestId("filter-state").SelectOptionAsync("silent");
        await Expect(console.Locator($"[data-testid=node-row][data-node='{SilentNode}']")).ToHaveAttributeAsync("data-state", "silent");
        await Expect(console.Locator($"[data-testid=node-row][data-node='{cluster.Edge.NodeId}']")).ToHaveCountAsync(0);
        await DeskBrowser.ScreenshotAsync(console, "40-console-fleet-silent");
        await console.GetByTestId("filter-state").SelectOptionAsync("");
        await Expect(console.Locator($"[data-node='{cluster.Edge.NodeId}']")).ToHaveAttributeAsync("data-state", "ok");
        await console.GetByRole(AriaRole.Link, new() { Name = SilentNode }).ClickAsync();
        await Expect(console.GetByTestId("node-facts").GetByTestId("node-state")).ToContainTextAsync("Im lặng");

        await console.GotoAsync("/accounts");
        await WaitInteractiveAsync(console);
        await console.Locator("#new-commune").FillAsync(SyncCluster.CommuneCode);
        await console.Locator("#new-user").FillAsync("canbo.hoa");
        await console.Locator("#new-name").FillAsync("Cầm Thị Hoa");
        await console.Locator("#new-role").SelectOptionAsync("staff");
        await console.Locator("#new-password").FillAsync("mat-khau-xa-2026");
        await console.GetByTestId("create").ClickAsync();
        await Expect(console.GetByTestId("accounts-message")).ToContainTextAsync("canbo.hoa");
        await Expect(console.Locator($"[data-account='{SyncCluster.CommuneCode}/canbo.hoa']")).ToBeVisibleAsync();
        await DeskBrowser.ScreenshotAsync(console, "41-console-account-created");

        await console.GotoAsync("/audit");
        await Expect(console.GetByTestId("audit-table")).ToContainTextAsync($"{SyncCluster.CommuneCode}/canbo.hoa");

        var head = await Eventually.WaitForAsync(() => cluster.HubStatsAsync(), s => s.GetProperty("logHead").GetInt64() > 0, Patience, cluster.Logs);
        await cluster.Edge.RequestSyncAsync();
        await Eventually.WaitForAsync(
            () => cluster.Edge.GetJsonAsync("/api/status"),
            s => s.GetProperty("pullCursor").GetInt64() >= head.GetProperty("logHead").GetInt64(),
            Patience,
            cluster.Logs);

        // The network is cut: the desk checks the password against the synced hash alone.
        await cluster.StopHubAsync();
        var desk = await browser.NewPageAsync(new Uri($"http://127.0.0.1:{cluster.Edge.Port}/"));
        await desk.GotoAsync("/signin");
        await DeskSteps.SignInAsync(desk, "canbo.hoa", "mat-khau-xa-2026");
        await Expect(desk.GetByTestId("who")).ToContainTextAsync("Cầm Thị Hoa");
        await DeskBrowser.ScreenshotAsync(desk, "42-desk-console-account-offline");
    }

    // The circuit connects over a WebSocket after the page loads: slower than the page on a loaded machine.
    private static Task WaitInteractiveAsync(IPage page) =>
        Expect(page.Locator("[data-testid=interactive]")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 60_000 });
}
