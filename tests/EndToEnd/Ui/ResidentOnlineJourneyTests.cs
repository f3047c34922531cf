using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using StbImageSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;
using static Microsoft.Playwright.Assertions;

namespace OneStop.EndToEnd.Tests.Ui;

/// <summary>
/// Issue 14's journey with a real hub and node: a resident files online from a phone, the dossier reaches the desk
/// after sync as filed online, staff receive and approve it and issue a digital result, the result QR verifies on the
/// hub's public site, and the resident downloads the same bytes with the code and their CCCD number.
/// </summary>
public sealed class ResidentOnlineJourneyTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private const string Cccd = "001195012345";

    [ChromiumFact]
    public async Task Resident_FilesOnlineOnPhone_DeskReceivesAndIssuesResult_QrVerifiesOnHub_ResidentDownloadsIt()
    {
        var admin = new Dictionary<string, string> { ["Edge:Ui:AdminPasswordHash"] = new PasswordHasher<string>().HashPassword("admin", UiNode.AdminPassword) };
        await using var cluster = new SyncCluster(edges: 1, admin);
        var publicPort = HostProcess.FreePort();
        var site = new Uri($"http://127.0.0.1:{publicPort}/");
        await cluster.StartHubAsync(new Dictionary<string, string> { ["Hub:PublicUrls"] = site.ToString().TrimEnd('/') });
        await cluster.StartEdgesAsync();
        await using var browser = await DeskBrowser.LaunchAsync();

        // The resident, on a 360 px phone, files a birth registration online.
        var phone = await browser.NewPageAsync(site);
        await phone.SetViewportSizeAsync(360, 740);
        await phone.GotoAsync("/file");
        await phone.Locator("[data-code='hotich.khaisinh']").ClickAsync();
        await DeskSteps.FillBirthRegistrationAsync(phone, "001195012345");
        await phone.Locator("#filer_cccd").FillAsync(Cccd);
        await phone.Locator("#commune").SelectOptionAsync(SyncCluster.CommuneCode);
        await DeskBrowser.ScreenshotAsync(phone, "60-public-file-online-360");
        await phone.GetByTestId("online-submit").ClickAsync();
        await phone.WaitForLoadStateAsync();
        // The page names the dossier by its short public code (12 symbols of Crockford's base32), shown in groups of four.
        Assert.True(Regex.IsMatch(phone.Url, "/filed/[0-9A-HJKMNP-TV-Z]{12}$"), phone.Url + " " + await phone.Locator("main").InnerTextAsync());
        var code = await phone.GetByTestId("filed-code").InnerTextAsync();
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", code);
        var compact = code.Replace("-", string.Empty, StringComparison.Ordinal);
        Assert.EndsWith("/filed/" + compact, phone.Url, StringComparison.Ordinal);

        // After the node's next pull it is on the desk as filed online, to be checked.
        await cluster.Edge.RequestSyncAsync();
        static bool HasCode(JsonElement dossier, string compact) =>
            dossier.TryGetProperty("publicCode", out var c) && c.ValueKind == JsonValueKind.String && c.GetString() == compact;
        var pulled = await Eventually.WaitForAsync(() => cluster.Edge.GetJsonAsync("/api/dossiers"), d => d.EnumerateArray().Any(x => HasCode(x, compact)), Patience, cluster.Logs);
        var id = pulled.EnumerateArray().Single(x => HasCode(x, compact)).GetProperty("id").GetGuid();
        var desk = await browser.NewPageAsync(new Uri($"http://127.0.0.1:{cluster.Edge.Port}/"));
        await desk.GotoAsync("/signin");
        await DeskSteps.SignInAsync(desk, "admin", UiNode.AdminPassword);
        await desk.GotoAsync($"/dossiers/{id}");
        await Expect(desk.GetByTestId("dossier-status")).ToHaveAttributeAsync("data-status", "draft");
        Assert.Contains(pulled.EnumerateArray(), x => x.GetProperty("id").GetGuid() == id && x.GetRawText().Contains("\"online\"", StringComparison.Ordinal));

        // The clerk receives it, settles it and issues the result document.
        await desk.GetByTestId("to-received").ClickAsync();
        await Expect(desk.GetByTestId("dossier-status")).ToHaveAttributeAsync("data-status", "received");
        await desk.GetByTestId("to-processing").ClickAsync();
        await Expect(desk.GetByTestId("dossier-status")).ToHaveAttributeAsync("data-status", "processing");
        await desk.GetByTestId("to-approved").ClickAsync();
        await Expect(desk.GetByTestId("dossier-status")).ToHaveAttributeAsync("data-status", "approved");
        var document = "%PDF-1.4\n% Trích lục khai sinh (bản điện tử)\n"u8.ToArray();
        await desk.GetByTestId("result-input").SetInputFilesAsync(new Microsoft.Playwright.FilePayload { Name = "trich-luc-khai-sinh.pdf", MimeType = "application/pdf", Buffer = document });
        await desk.GetByTestId("result-submit").ClickAsync();
        await Expect(desk.GetByTestId("result-qr")).ToBeVisibleAsync();
        await DeskBrowser.ScreenshotAsync(desk, "61-desk-result-qr");
        var qrText = Decode(Convert.FromBase64String((await desk.GetByTestId("result-qr").GetAttributeAsync("src"))!["data:image/png;base64,".Length..]));
        var sealedText = Uri.UnescapeDataString(new Uri(qrText).Query.Split("code=")[1]);

        // After the push (record, signing key, then the document), the hub's verify page vouches for it offline.
        await cluster.Edge.RequestSyncAsync();
        await Eventually.WaitForAsync(() => cluster.Edge.GetJsonAsync("/api/status"), s => s.GetProperty("backlog").GetInt64() == 0, Patience, cluster.Logs);
        await phone.GotoAsync($"/verify?code={Uri.EscapeDataString(sealedText)}");
        await Expect(phone.GetByTestId("verify-result")).ToHaveAttributeAsync("data-check", "result-valid");
        await Expect(phone.GetByTestId("result-hash")).ToHaveTextAsync(Convert.ToHexStringLower(SHA256.HashData(document)));
        await DeskBrowser.ScreenshotAsync(phone, "62-public-verify-result-360");

        // The resident downloads the same bytes with the code and the CCCD number.
        await phone.GotoAsync("/");
        await phone.Locator("#commune").SelectOptionAsync(SyncCluster.CommuneCode);
        await phone.GetByTestId("lookup-code").FillAsync(code);
        await phone.GetByTestId("lookup-cccd").FillAsync(Cccd);
        await phone.GetByTestId("lookup-submit").ClickAsync();
        var download = await Eventually.WaitForAsync(
            async () => await phone.GetByTestId("result-download").CountAsync() == 1 ? await phone.GetByTestId("result-download").GetAttributeAsync("href") : await ReloadAsync(phone),
            href => href is { Length: > 0 } && href.Contains("/ket-qua", StringComparison.Ordinal), Patience, cluster.Logs);
        var file = await phone.APIRequest.GetAsync(new Uri(site, download).ToString());
        Assert.Equal(200, file.Status);
        Assert.Equal(document, await file.BodyAsync());
    }

    private static async Task<string?> ReloadAsync(Microsoft.Playwright.IPage page)
    {
        await page.ReloadAsync();
        return null;
    }

    private static string Decode(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlueAlpha);
        var luminance = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var pure = new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true };
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(luminance)), pure)?.Text ?? throw new InvalidOperationException("the result QR does not decode");
    }
}
