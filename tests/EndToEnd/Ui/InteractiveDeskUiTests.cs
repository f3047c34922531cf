using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace OneStop.EndToEnd.Tests.Ui;

/// <summary>The desk in its interactive circuit (issue 11): what a clerk sees change without reloading the page.</summary>
public sealed class InteractiveDeskUiTests
{
    [ChromiumFact]
    public async Task Clerk_TypesWrongCccd_SeesErrorBeforeSaving_EnterSavesNothing_RejectNeedsConfirmedReason()
    {
        await using var node = new UiNode();
        await node.StartAsync();
        await using var browser = await DeskBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(node.BaseUrl);
        await page.GotoAsync("/signin");
        await DeskSteps.SignInAsync(page, "canbo", UiNode.StaffPassword);

        // The mother's CCCD says "man born in the 1900s": said while typing, before any button is pressed.
        await page.GotoAsync("/dossiers/new/hotich.khaisinh");
        await page.Locator("#f-mother-id_number").FillAsync("001095012345");
        await Expect(page.Locator("[data-key='mother.id_number'] [data-testid=field-error]")).ToContainTextAsync("Chữ số thứ 4 của CCCD không khớp với giới tính");
        await Expect(page.Locator("#f-mother-id_number")).ToHaveAttributeAsync("aria-invalid", "true");
        await DeskBrowser.ScreenshotAsync(page, "40-live-validation");
        await page.Locator("#f-mother-id_number").FillAsync("001195012345");
        await Expect(page.Locator("[data-key='mother.id_number'] [data-testid=field-error]")).ToHaveCountAsync(0);

        // Enter in a field submits nothing: the page stays, no dossier is written.
        await page.Locator("#applicant_name").FillAsync("Vàng Thị Lan");
        await page.Locator("#applicant_name").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/dossiers/new/hotich.khaisinh$"));
        Assert.Empty(await ListDossiersAsync(node));

        // A half-filled draft saves: required answers are asked for on receive only.
        await page.GetByTestId("save-draft").ClickAsync();
        await page.WaitForURLAsync(new Regex("/dossiers/[0-9a-f-]{36}\\?done=draft"));
        await Expect(page.GetByTestId("dossier-status")).ToHaveAttributeAsync("data-status", "draft");

        // Rejecting asks first, and not without a reason; the reason stays in the history.
        var dossierId = await DeskSteps.FileReceivedSignatureCertificationAsync(page);
        await page.GetByTestId("to-processing").ClickAsync();
        await Expect(page.GetByTestId("dossier-status")).ToHaveAttributeAsync("data-status", "processing");
        await page.GetByTestId("to-rejected").ClickAsync();
        await Expect(page.GetByTestId("confirm-dialog")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("confirm-yes")).ToBeDisabledAsync();
        await page.GetByTestId("confirm-no").ClickAsync();
        await Expect(page.GetByTestId("confirm-dialog")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("dossier-status")).ToHaveAttributeAsync("data-status", "processing");
        await page.GetByTestId("to-rejected").ClickAsync();
        await page.GetByTestId("confirm-reason").FillAsync("Giấy tờ cần chứng thực là bản sao không có bản chính đối chiếu.");
        await DeskBrowser.ScreenshotAsync(page, "41-reject-confirm");
        await page.GetByTestId("confirm-yes").ClickAsync();
        await Expect(page.GetByTestId("dossier-status")).ToHaveAttributeAsync("data-status", "rejected");
        await Expect(page.GetByTestId("history").Locator("li[data-status=rejected]")).ToContainTextAsync("Lý do: Giấy tờ cần chứng thực là bản sao");
        await DeskBrowser.ScreenshotAsync(page, "42-rejected-with-reason");

        // The same rule behind the HTTP API: a reject without a reason is refused there too.
        var other = await DeskSteps.FileReceivedSignatureCertificationAsync(page);
        using var refused = await node.Http.PostAsJsonAsync(new Uri(node.BaseUrl, $"/api/dossiers/{other}/status"), new { status = "withdrawn" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotEqual(dossierId, other);
    }

    [ChromiumFact]
    public async Task Clerk_PageOpen_SyncBarCountsNewWork_NodeRestart_BannerThenPageBackByItself()
    {
        await using var node = new UiNode();
        await node.StartAsync();
        await using var browser = await DeskBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(node.BaseUrl);
        await page.GotoAsync("/signin");
        await DeskSteps.SignInAsync(page, "canbo", UiNode.StaffPassword);
        await page.GotoAsync("/procedures");
        var before = await page.GetByTestId("sync-backlog").TextContentAsync();

        // Work filed elsewhere (the HTTP API here) shows in the open page's bar without a reload.
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        using var created = await node.Http.PostAsJsonAsync(new Uri(node.BaseUrl, "/api/dossiers"), new
        {
            procedureCode = "chungthuc.chuky",
            applicantName = "Lý Văn Sử",
            asDraft = true,
        });
        created.EnsureSuccessStatusCode();
        await Expect(page.GetByTestId("sync-backlog")).Not.ToHaveTextAsync(before ?? string.Empty);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"));

        // Power cut: the banner says so in Vietnamese; when the node is back the page reloads by itself, still signed in.
        await node.Process!.KillAsync();
        await Expect(page.GetByTestId("reconnect")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("reconnect")).ToContainTextAsync("Mất kết nối với máy chủ của xã");
        await DeskBrowser.ScreenshotAsync(page, "43-reconnect-banner");
        await node.Process.DisposeAsync();
        await node.StartAsync();
        await Expect(page.GetByTestId("reconnect")).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("who")).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
    }

    private static async Task<List<JsonElement>> ListDossiersAsync(UiNode node) =>
        await node.Http.GetFromJsonAsync<List<JsonElement>>(new Uri(node.BaseUrl, "/api/dossiers")) ?? [];
}
