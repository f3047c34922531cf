using System.Text.Json.Nodes;
using static Microsoft.Playwright.Assertions;

namespace OneStop.EndToEnd.Tests.Ui;

/// <summary>
/// A form schema published from the console as a new version: a dossier filed under the old one keeps showing and
/// correcting its own fields and values on the node, while a new dossier gets the new form.
/// </summary>
public sealed class FormVersionUiTests
{
    private const string Procedure = "chungthuc.chuky";
    private const string Dropped = "document.title";
    private const string TitleAnswer = "Giấy ủy quyền nhận trợ cấp"; // DeskSteps.FillSignatureCertificationAsync
    private const string Added = """{"key":"contact.zalo","label_vi":"Số Zalo","label_en":"Zalo number","type":"phone","required":false}""";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [ChromiumFact]
    public async Task AdminPublishesFormV2_NodeSyncs_DossierFiledUnderV1ShowsAndCorrectsV1NewDossierGetsV2()
    {
        await using var cluster = new SyncCluster(edgeSettings: DeskHttp.StaffAccount());
        await cluster.StartHubAsync();
        await cluster.StartEdgeAsync();
        await using var browser = await DeskBrowser.LaunchAsync();
        var desk = await browser.NewPageAsync(new Uri($"http://127.0.0.1:{cluster.Edge.Port}/"));
        await desk.GotoAsync("/signin");
        await DeskSteps.SignInAsync(desk, DeskHttp.StaffUser, DeskHttp.StaffPassword);
        var filed = await DeskSteps.FileReceivedSignatureCertificationAsync(desk);

        var console = await browser.NewPageAsync(new Uri($"http://127.0.0.1:{cluster.HubHttpPort}/"));
        await console.GotoAsync("/signin");
        await console.Locator("#userName").FillAsync("admin");
        await console.Locator("#password").FillAsync((await File.ReadAllTextAsync(Path.Combine(cluster.HubDataDirectory, "console-admin-password"))).Trim());
        await console.GetByTestId("signin").ClickAsync();
        await Expect(console.GetByTestId("who")).ToContainTextAsync("admin");
        await console.GotoAsync($"/catalogue/{Procedure}/form");
        await Expect(console.Locator("[data-testid=interactive]")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 60_000 });
        var editor = console.GetByTestId("formschema-json");
        var form = JsonNode.Parse(await editor.InputValueAsync())!.AsArray();
        form.Remove(form.Single(f => f!["key"]!.GetValue<string>() == Dropped));
        form.Add(JsonNode.Parse(Added));
        await editor.FillAsync(form.ToJsonString());
        await editor.DispatchEventAsync("change");
        await console.GetByTestId("formschema-check").ClickAsync();
        await Expect(console.GetByTestId("formschema-removed")).ToContainTextAsync(Dropped);
        await console.GetByTestId("formschema-publish").ClickAsync();
        await console.GetByTestId("formschema-confirm-yes").ClickAsync();
        await Expect(console.GetByTestId("formschema-message")).ToContainTextAsync("phiên bản 2");
        await DeskBrowser.ScreenshotAsync(console, "60-console-form-version-published");

        var head = await Eventually.WaitForAsync(() => cluster.HubStatsAsync(), s => s.GetProperty("logHead").GetInt64() > 0, Patience, cluster.Logs);
        await cluster.Edge.RequestSyncAsync();
        await Eventually.WaitForAsync(
            () => cluster.Edge.GetJsonAsync("/api/status"),
            s => s.GetProperty("pullCursor").GetInt64() >= head.GetProperty("logHead").GetInt64(),
            Patience,
            cluster.Logs);

        // New filings take version 2: the dropped field is gone, the added one is asked.
        await desk.GotoAsync($"/dossiers/new/{Procedure}");
        await Expect(desk.Locator("#f-contact-zalo")).ToBeVisibleAsync();
        await Expect(desk.Locator("#f-document-title")).ToHaveCountAsync(0);

        // The dossier filed under version 1 shows its fields with version 1's labels, and corrects them.
        await desk.GotoAsync($"/dossiers/{filed}");
        var answers = desk.GetByTestId("answers");
        await Expect(answers).ToContainTextAsync("Tên giấy tờ, văn bản");
        await Expect(answers).ToContainTextAsync(TitleAnswer);
        await DeskBrowser.ScreenshotAsync(desk, "61-desk-dossier-under-form-v1");
        await desk.GotoAsync($"/dossiers/{filed}/edit");
        await Expect(desk.Locator("#f-document-title")).ToHaveValueAsync(TitleAnswer);
        await Expect(desk.Locator("#f-contact-zalo")).ToHaveCountAsync(0);
    }
}
