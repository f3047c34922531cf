using System.Buffers.Text;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Playwright;
using OneStop.Core.Slips;
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
        await Expect(page.GetByTestId("attach-done")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("attachment-list")).ToContainTextAsync("cccd-mat-truoc.png");
        await DeskBrowser.ScreenshotAsync(page, "20-attachments");
        var download = await page.APIRequest.GetAsync(await page.GetByTestId("attachment-list").Locator("a").First.GetAttributeAsync("href") ?? string.Empty);
        Assert.Equal(200, download.Status);
        Assert.Equal(OnePixelPng, await download.BodyAsync());

        // The slip's QR carries the node's signature; pasted on /verify (no sign-in) it checks out offline.
        await page.GotoAsync($"/dossiers/{dossierId}/slip");
        var qrText = await page.GetByTestId("slip-qr").GetAttributeAsync("data-qr") ?? string.Empty;
        Assert.Contains($"/status/{dossierId}?slip=", qrText, StringComparison.Ordinal);
        var resident = await browser.NewPageAsync(node.BaseUrl);
        await resident.GotoAsync("/verify");
        await resident.GetByTestId("verify-code").FillAsync(qrText);
        await resident.GetByTestId("verify-submit").ClickAsync();
        await Expect(resident.GetByTestId("verify-result")).ToHaveAttributeAsync("data-check", "valid");
        await Expect(resident.GetByTestId("verify-result")).ToContainTextAsync("Phiếu hẹn hợp lệ");
        await DeskBrowser.ScreenshotAsync(resident, "21-verify-valid");

        // The same signature over a later due date: refused.
        Assert.True(SlipSeal.TryDecode(SlipSeal.ExtractSealed(qrText), out var claim, out var signature));
        var forged = Base64Url.EncodeToString(SlipSeal.CanonicalBytes(claim! with { DueDate = claim.DueDate.AddDays(7) })) + "." + Base64Url.EncodeToString(signature);
        await resident.GetByTestId("verify-code").FillAsync(forged);
        await resident.GetByTestId("verify-submit").ClickAsync();
        await Expect(resident.GetByTestId("verify-result")).ToHaveAttributeAsync("data-check", "bad-signature");
        await Expect(resident.GetByTestId("verify-result")).ToContainTextAsync("KHÔNG hợp lệ");
        await DeskBrowser.ScreenshotAsync(resident, "22-verify-tampered");

        // The public key is published without sign-in, and checks the slip outside the node too.
        using var anonymous = new HttpClient();
        var key = await anonymous.GetFromJsonAsync<JsonElement>(new Uri(node.BaseUrl, "/api/node-key"));
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(key.GetProperty("pem").GetString());
        Assert.Equal(SlipCheck.Valid, SlipSeal.Verify(SlipSeal.ExtractSealed(qrText), ecdsa.ExportSubjectPublicKeyInfo(), out _));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(node.DataDirectory, "slip-signing-key.pem")));
        }

        await resident.GotoAsync("/node-key");
        await Expect(resident.GetByTestId("nodekey-pem")).ToContainTextAsync("BEGIN PUBLIC KEY");
        await DeskBrowser.ScreenshotAsync(resident, "23-node-key");

        // Device simulators from the devices page: a CCCD's QR scanned there fills the requester on the intake form.
        await page.GotoAsync("/devices");
        await page.GetByTestId("sim-code").FillAsync("001195012345|123456789|Vàng Thị Lan|02031995|Nữ|Thôn Lao Chải, xã Sa Pa|01012021");
        await page.GetByTestId("sim-scan").ClickAsync();
        await Expect(page.GetByTestId("sim-done")).ToBeVisibleAsync();
        await page.GetByTestId("sim-paper-out").ClickAsync();
        await Expect(page.Locator("tr[data-kind='printer'] [data-testid=device-details]")).ToContainTextAsync("paper");
        await page.GetByTestId("sim-card-in").ClickAsync();
        await Expect(page.GetByTestId("sim-done")).ToBeVisibleAsync();
        await DeskBrowser.ScreenshotAsync(page, "30-devices-simulators");
        await page.GetByTestId("sim-paper-in").ClickAsync();
        await page.GotoAsync("/dossiers/new/hotich.khaisinh");
        await page.GetByTestId("prefill-cccd").ClickAsync();
        await Expect(page.GetByTestId("prefill-result")).ToContainTextAsync("Đã điền");
        await Expect(page.Locator("#f-requester-id_number")).ToHaveValueAsync("001195012345");
        await Expect(page.Locator("#f-requester-full_name")).ToHaveValueAsync("Vàng Thị Lan");
        await Expect(page.Locator("#applicant_name")).ToHaveValueAsync("Vàng Thị Lan");
        await DeskBrowser.ScreenshotAsync(page, "31-intake-prefilled-from-cccd");
    }

    [ChromiumFact]
    public async Task Kiosk_TakesNumbersAcrossRestart_ResidentRatesOnce()
    {
        await using var node = new UiNode();
        await node.StartAsync();
        await using var browser = await DeskBrowser.LaunchAsync();

        // Kiosk: no account; the number is printed on the receipt printer and shown on screen.
        var kiosk = await browser.NewPageAsync(node.BaseUrl);
        await kiosk.GotoAsync("/queue");
        await DeskBrowser.ScreenshotAsync(kiosk, "24-queue-kiosk");
        await kiosk.GetByTestId("queue-take-submit").ClickAsync();
        await Expect(kiosk.GetByTestId("queue-number")).ToHaveTextAsync("001");
        await Expect(kiosk.GetByTestId("queue-printed")).ToContainTextAsync("Mời nhận phiếu");
        Assert.Equal(1, (await PrinterAsync(node)).GetProperty("documents").GetInt32());
        await DeskBrowser.ScreenshotAsync(kiosk, "25-queue-ticket");

        // The counter is in the store: after a power cut the next number follows on.
        await node.RestartAsync();
        await kiosk.GotoAsync("/queue");
        await kiosk.GetByTestId("queue-take-collect").ClickAsync();
        await Expect(kiosk.GetByTestId("queue-number")).ToHaveTextAsync("002");
        await Expect(kiosk.GetByTestId("queue-ahead")).ToContainTextAsync("1");
        Assert.Equal(1, (await PrinterAsync(node)).GetProperty("documents").GetInt32());

        // Resident: from the status page the slip's QR opens to a rating, once per dossier.
        var staff = await browser.NewPageAsync(node.BaseUrl);
        await staff.GotoAsync("/signin");
        await DeskSteps.SignInAsync(staff, "canbo", UiNode.StaffPassword);
        var dossierId = await DeskSteps.FileReceivedSignatureCertificationAsync(staff);
        await staff.GotoAsync($"/dossiers/{dossierId}/slip");
        var qrText = await staff.GetByTestId("slip-qr").GetAttributeAsync("data-qr") ?? string.Empty;
        var resident = await browser.NewPageAsync(node.BaseUrl);
        await resident.GotoAsync(qrText);
        await Expect(resident.GetByTestId("resident-slip")).ToContainTextAsync("Phiếu hẹn hợp lệ");
        await resident.GetByTestId("resident-feedback").ClickAsync();
        await resident.GetByTestId("feedback-submit").ClickAsync();
        await Expect(resident.GetByTestId("feedback-error")).ToBeVisibleAsync();
        await resident.GetByTestId("rating-4").CheckAsync();
        await resident.GetByTestId("feedback-comment").FillAsync("Cán bộ hướng dẫn tận tình, nhưng phải chờ lâu.");
        await DeskBrowser.ScreenshotAsync(resident, "26-feedback");
        await resident.GetByTestId("feedback-submit").ClickAsync();
        await Expect(resident.GetByTestId("feedback-thanks")).ToBeVisibleAsync();
        await DeskBrowser.ScreenshotAsync(resident, "27-feedback-thanks");
        await resident.GotoAsync($"/feedback/{dossierId}");
        await Expect(resident.GetByTestId("feedback-given")).ToBeVisibleAsync();
    }

    private static async Task<JsonElement> PrinterAsync(UiNode node) =>
        await node.Http.GetFromJsonAsync<JsonElement>(new Uri(node.BaseUrl, "/api/devices/simulator/printer"));
}
