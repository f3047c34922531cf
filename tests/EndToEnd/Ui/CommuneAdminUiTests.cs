using System.Text.Json;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace OneStop.EndToEnd.Tests.Ui;

/// <summary>
/// A commune admin on a fresh node (issue 11, items 2 and 3): first-run setup from the generated password, an
/// account made at the node that signs in with the hub down, the slip's QR on the public address, and the
/// account and the settings reaching the province when the link comes back.
/// </summary>
public sealed class CommuneAdminUiTests
{
    private const string PublicAddress = "http://192.168.50.7:5080";
    private const string AdminPassword = "doi-mat-khau-ngay-dau";
    private const string StaffPassword = "cau-may-tren-deo";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [ChromiumFact]
    public async Task CommuneAdmin_FreshNode_SetsUpAndMakesStaff_StaffFilesOfflineWithPublicQr_AccountReachesHub()
    {
        await using var cluster = new SyncCluster();
        await cluster.StartHubAsync();
        await cluster.StartEdgeAsync();
        var edge = cluster.Edge;

        // The first password is generated into the data folder, without a byte-order mark, for the installer to read.
        var file = await File.ReadAllBytesAsync(Path.Combine(edge.DataDirectory, "initial-admin-password"));
        Assert.NotEqual(0xEF, file[0]);
        var initial = System.Text.Encoding.UTF8.GetString(file).Trim();

        await using var browser = await DeskBrowser.LaunchAsync();
        var admin = await browser.NewPageAsync(edge.Api("/"));
        await admin.GotoAsync("/signin");
        await DeskSteps.SignInAsync(admin, "admin", initial);
        await admin.WaitForURLAsync(new Regex("/setup$"));

        await admin.GetByTestId("commune-search").FillAsync("sa pa");
        await admin.GetByTestId("commune-03006").ClickAsync();
        await Expect(admin.GetByTestId("commune-chosen")).ToContainTextAsync("Phường Sa Pa");
        await admin.GetByTestId("office").FillAsync("Bộ phận Một cửa — UBND phường Sa Pa");
        await admin.GetByTestId("public-address").FillAsync(PublicAddress);
        await admin.GetByTestId("bank-bin").FillAsync("970405");
        await admin.GetByTestId("bank-account").FillAsync("1234567890123");
        await admin.GetByTestId("bank-name").FillAsync("UBND PHUONG SA PA");
        await admin.GetByTestId("new-password").FillAsync(AdminPassword);
        await admin.GetByTestId("new-password-again").FillAsync(AdminPassword);
        await Expect(admin.GetByTestId("enrolment")).ToContainTextAsync("Chưa đăng ký");
        await DeskBrowser.ScreenshotAsync(admin, "60-first-run-setup");
        await admin.GetByTestId("setup-submit").ClickAsync();
        await admin.WaitForURLAsync(new Regex("/settings\\?done=setup$"));
        await Expect(admin.GetByTestId("setup-done")).ToBeVisibleAsync();

        await admin.GotoAsync("/accounts");
        await admin.GetByTestId("new-user").FillAsync("cam.hoa");
        await admin.GetByTestId("new-name").FillAsync("Cầm Thị Hoa");
        await admin.GetByTestId("new-role").SelectOptionAsync("staff");
        await admin.GetByTestId("new-account-password").FillAsync(StaffPassword);
        await admin.GetByTestId("account-create").ClickAsync();
        await Expect(admin.Locator("tr[data-account='cam.hoa']")).ToContainTextAsync("Cán bộ một cửa");
        await DeskBrowser.ScreenshotAsync(admin, "61-accounts");

        // The link is down: the new account signs in on the node alone and files a dossier.
        await cluster.StopHubAsync();
        var staff = await browser.NewPageAsync(edge.Api("/"));
        await staff.GotoAsync("/signin");
        await DeskSteps.SignInAsync(staff, "cam.hoa", StaffPassword);
        await DeskSteps.FileReceivedSignatureCertificationAsync(staff);
        var dossierPath = new Uri(staff.Url).AbsolutePath;
        await staff.GotoAsync(dossierPath + "/slip");
        var qr = await staff.GetByTestId("slip-qr").GetAttributeAsync("data-qr");
        Assert.StartsWith(PublicAddress + "/status/", qr, StringComparison.Ordinal);
        await DeskBrowser.ScreenshotAsync(staff, "62-slip-public-address");

        // The generated password no longer opens the desk: setup replaced it.
        var stale = await browser.NewPageAsync(edge.Api("/"));
        await stale.GotoAsync("/signin");
        await stale.Locator("#userName").FillAsync("admin");
        await stale.Locator("#password").FillAsync(initial);
        await stale.Locator("form[action='/account/signin'] button[type=submit]").ClickAsync();
        await Expect(stale.GetByTestId("who")).ToHaveCountAsync(0);

        // The link comes back: the account and the node's settings reach the province.
        await cluster.StartHubAsync();
        var accounts = await Eventually.WaitForAsync(
            () => cluster.HubJsonAsync("/api/records/staff_account"),
            list => list.EnumerateArray().Any(a => Text(a, "user_name") == "cam.hoa"),
            Patience,
            cluster.Logs);
        var account = accounts.EnumerateArray().Single(a => Text(a, "user_name") == "cam.hoa");
        Assert.Equal("staff", Text(account, "role"));
        Assert.Equal(SyncCluster.CommuneCode, account.GetProperty("scope").GetString());
        var settings = await Eventually.WaitForAsync(
            () => cluster.HubJsonAsync("/api/records/node_config"),
            list => list.GetArrayLength() > 0,
            Patience,
            cluster.Logs);
        Assert.Equal(PublicAddress, Text(settings[0], "public_address"));
    }

    private static string? Text(JsonElement record, string field) =>
        record.GetProperty("data").TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
