using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OneStop.EndToEnd.Tests.Ui;

/// <summary>The commune report on the node, in Chromium: facts recorded at the desk reach the rates and the export.</summary>
public sealed class ReportsUiTests
{
    [ChromiumFact]
    public async Task Staff_ReceivesAndSettlesOneDossier_ReportAndCsvCountIt_VolunteerKeptOut()
    {
        await using var node = new UiNode();
        await node.StartAsync();
        await using var browser = await DeskBrowser.LaunchAsync();

        // A volunteer parks a draft: recorded as assisted, and a draft counts nowhere in the report.
        var volunteer = await browser.NewPageAsync(node.BaseUrl);
        await volunteer.GotoAsync("/signin");
        await DeskSteps.SignInAsync(volunteer, "tnv", UiNode.VolunteerPassword);
        await volunteer.GotoAsync("/dossiers/new/chungthuc.chuky");
        await DeskSteps.FillSignatureCertificationAsync(volunteer);
        await volunteer.GetByTestId("save-draft").ClickAsync();
        await volunteer.WaitForURLAsync(new Regex("/dossiers/[0-9a-f-]{36}\\?done=draft"));
        var draftId = (await volunteer.GetByTestId("dossier-id").TextContentAsync())!.Trim();

        // Staff receive a same-day procedure and the office settles it the same day: one received, one on time.
        var staff = await browser.NewPageAsync(node.BaseUrl);
        await staff.GotoAsync("/signin");
        await DeskSteps.SignInAsync(staff, "canbo", UiNode.StaffPassword);
        var dossierId = await DeskSteps.FileReceivedSignatureCertificationAsync(staff);
        foreach (var status in new[] { "processing", "approved" })
        {
            using var moved = await node.Http.PostAsJsonAsync(new Uri(node.BaseUrl, $"/api/dossiers/{dossierId}/status"), new { status });
            Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        }

        Assert.Equal("assisted", (await DossierAsync(node, draftId)).GetProperty("channel").GetString());
        var settled = await DossierAsync(node, dossierId);
        Assert.Equal("desk", settled.GetProperty("channel").GetString());
        Assert.Equal(JsonValueKind.String, settled.GetProperty("closedAt").ValueKind);

        await staff.GetByRole(AriaRole.Link, new() { Name = "Báo cáo" }).ClickAsync();
        await staff.WaitForURLAsync(new Regex("/reports"));
        await Expect(staff.GetByTestId("total-received")).ToHaveTextAsync("1");
        await Expect(staff.GetByTestId("total-settled")).ToHaveTextAsync("1");
        await Expect(staff.GetByTestId("total-ontime")).ToHaveTextAsync("100.0 % (1/1)");
        await Expect(staff.GetByTestId("total-online")).ToHaveTextAsync("0.0 % (0/1)");
        await Expect(staff.GetByTestId("report-rows")).ToContainTextAsync("chungthuc.chuky");
        await DeskBrowser.ScreenshotAsync(staff, "40-report");

        var csv = await staff.APIRequest.GetAsync(await staff.GetByTestId("export-csv").GetAttributeAsync("href") ?? string.Empty);
        Assert.Equal(200, csv.Status);
        var lines = Encoding.UTF8.GetString(await csv.BodyAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var total = lines[^1].Split(',');
        Assert.Equal("Tổng cộng", total[0]);
        Assert.Equal("1", total[Array.IndexOf(header, "Tiếp nhận")]);
        Assert.Equal("100", total[Array.IndexOf(header, "Đúng hạn %")]);

        // A bad range is refused in words, not with a crash.
        await staff.GotoAsync("/reports?from=2026-09-30&to=2026-09-01");
        await Expect(staff.GetByTestId("report-error")).ToContainTextAsync("Ngày kết thúc trước ngày bắt đầu");

        // Volunteers see no report link and the server turns the page and the export away.
        await volunteer.GotoAsync("/procedures");
        await Expect(volunteer.GetByRole(AriaRole.Link, new() { Name = "Báo cáo" })).ToHaveCountAsync(0);
        await volunteer.GotoAsync("/reports");
        await Expect(volunteer.GetByTestId("forbidden-page")).ToBeVisibleAsync();
        // The cookie scheme answers a refusal by sending the browser to the desk's "not allowed" page.
        var refused = await volunteer.APIRequest.GetAsync("/reports/export?format=csv", new() { MaxRedirects = 0 });
        Assert.Equal(302, refused.Status);
        Assert.StartsWith("/forbidden", new Uri(node.BaseUrl, refused.Headers["location"]).AbsolutePath, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> DossierAsync(UiNode node, string id) =>
        await node.Http.GetFromJsonAsync<JsonElement>(new Uri(node.BaseUrl, $"/api/dossiers/{id}"));
}
