using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OneStop.EndToEnd.Tests.Ui;

/// <summary>Attachments, the signed slip, the queue, feedback, conflicts and device simulators in Chromium.</summary>
public sealed class DeskFeatureUiTests
{
    // The smallest valid PNG: one transparent pixel.
    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [ChromiumFact]
    public async Task Staff_AttachesPhoto_SlipQrVerifiesOffline_TamperedSlipFails()
    {
        await using var node = new UiNode();
        await node.StartAsync();
        await using var browser = await DeskBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(node.BaseUrl);
        await page.GotoAsync("/signin");
        await DeskSteps.SignInAsync(page, "canbo", UiNode.StaffPassword);
        var dossierId = await DeskSteps.FileReceivedSignatureCertificationAsync(page);

        // A file over the node's limit is refused with the reason in Vietnamese; a photo is stored and listed.
        await page.GetByTestId("attach-file").SetInputFilesAsync(new FilePayload { Name = "giay-to-lon.pdf", MimeType = "application/pdf", Buffer = new byte[UiNode.MaxAttachmentBytes + 1] });
        await page.GetByTestId("attach-submit").ClickAsync();
        await Expect(page.GetByTestId("attach-error")).ToContainTextAsync("Tệp quá lớn");
        await page.GetByTestId("attach-file").SetInputFilesAsync(new FilePayload { Name = "cccd-mat-truoc.png", MimeType = "image/png", Buffer = OnePixelPng });
        await page.GetByTestId("attach-submit").ClickAsync();
        await page.WaitForURLAsync(new Regex("attached=1"));
        await Expect(page.GetByTestId("attachment-list")).ToContainTextAsync("cccd-mat-truoc.png");
        await DeskBrowser.ScreenshotAsync(page, "20-attachments");
        var download = await page.APIRequest.GetAsync(await page.GetByTestId("attachment-list").Locator("a").First.GetAttributeAsync("href") ?? string.Empty);
        Assert.Equal(200, download.Status);
        Assert.Equal(OnePixelPng, await download.BodyAsync());
    }
}
