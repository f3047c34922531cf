using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using static Microsoft.Playwright.Assertions;

namespace OneStop.EndToEnd.Tests.Ui;

/// <summary>The conflicts page on a real two-office conflict: both values shown, one kept, the list empties.</summary>
public sealed class ConflictsUiTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [ChromiumFact]
    public async Task TwoOfficesRenameOffline_AdminKeepsTheOtherValue_ConflictClosesAndValueShows()
    {
        var admin = new Dictionary<string, string> { ["Edge:Ui:AdminPasswordHash"] = new PasswordHasher<string>().HashPassword("admin", UiNode.AdminPassword) };
        await using var cluster = new SyncCluster(edges: 2, admin);
        await cluster.StartHubAsync();
        await cluster.StartEdgesAsync();
        var id = await cluster.Edges[0].CreateDossierAsync("Sùng A Tủa");
        foreach (var edge in cluster.Edges)
        {
            await edge.RequestSyncAsync();
            await Eventually.WaitForAsync(() => edge.GetJsonAsync("/api/dossiers"), d => d.GetArrayLength() == 1, Patience, cluster.Logs);
        }

        await cluster.StopHubAsync();
        string[] names = ["Sùng A Tủa (văn phòng 1)", "Sùng A Tủa (văn phòng 2)"];
        for (var i = 0; i < 2; i++)
        {
            using var edit = await cluster.Edges[i].Http.PatchAsJsonAsync(cluster.Edges[i].Api($"/api/dossiers/{id}"), new { applicantName = names[i] });
            Assert.True(edit.IsSuccessStatusCode, await edit.Content.ReadAsStringAsync());
        }

        await cluster.StartHubAsync();
        foreach (var edge in cluster.Edges.Concat(cluster.Edges))
        {
            await edge.RequestSyncAsync();
            await Eventually.WaitForAsync(() => edge.GetJsonAsync("/api/status"), s => s.GetProperty("backlog").GetInt64() == 0, Patience, cluster.Logs);
        }

        var office = cluster.Edges[0];
        await Eventually.WaitForAsync(() => office.GetJsonAsync("/api/conflicts"), c => c.GetArrayLength() == 1, Patience, cluster.Logs);
        var shown = (await office.GetJsonAsync($"/api/dossiers/{id}")).GetProperty("applicantName").GetString();
        var other = names.Single(n => n != shown);

        await using var browser = await DeskBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(new Uri($"http://127.0.0.1:{office.Port}/"));
        await page.GotoAsync("/signin");
        await DeskSteps.SignInAsync(page, "admin", UiNode.AdminPassword);
        await page.GotoAsync("/conflicts");
        await Expect(page.GetByTestId("conflicts")).ToContainTextAsync(names[0]);
        await Expect(page.GetByTestId("conflicts")).ToContainTextAsync(names[1]);
        await DeskBrowser.ScreenshotAsync(page, "28-conflicts");

        await page.GetByTestId("keep-other").ClickAsync();
        await Expect(page.GetByTestId("conflict-resolved")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("conflicts-none")).ToBeVisibleAsync();
        Assert.Equal(other, (await office.GetJsonAsync($"/api/dossiers/{id}")).GetProperty("applicantName").GetString());
        await DeskBrowser.ScreenshotAsync(page, "29-conflicts-resolved");
    }
}
