using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace OneStop.EndToEnd.Tests.Ui;

/// <summary>The intake screens in a real Chromium against the real edge node process.</summary>
public sealed class IntakeUiTests
{
    [ChromiumFact]
    public async Task Staff_FindsFilesAndReceivesBirthRegistration_DossierSurvivesRestart()
    {
        await using var node = new UiNode();
        await node.StartAsync();
        await using var browser = await DeskBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(node.BaseUrl);

        // A desk page sends an anonymous visitor to sign in, in Vietnamese by default.
        await page.GotoAsync("/procedures");
        await page.WaitForURLAsync(new Regex("/signin"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập");
        await DeskBrowser.ScreenshotAsync(page, "01-signin");
        await DeskSteps.SignInAsync(page, "canbo", UiNode.StaffPassword);
        await page.WaitForURLAsync(new Regex("/procedures$"));
        await Expect(page.GetByTestId("syncbar")).ToContainTextAsync("Chờ gửi");

        // Typed without accents, found with them.
        await page.Locator("#q").FillAsync("khai sinh");
        await page.Locator("#q").PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("q=khai"));
        await Expect(page.GetByTestId("proc-results").Locator("a").First).ToContainTextAsync("Đăng ký khai sinh");
        await DeskBrowser.ScreenshotAsync(page, "02-procedure-search");

        await page.GetByTestId("proc-results").Locator("a[data-code='hotich.khaisinh']").ClickAsync();
        await page.WaitForURLAsync(new Regex("/procedures/hotich.khaisinh$"));
        await Expect(page.GetByTestId("proc-docs")).ToContainTextAsync("Giấy chứng sinh");
        await Expect(page.GetByTestId("proc-time")).ToContainTextAsync("Trong ngày");
        await DeskBrowser.ScreenshotAsync(page, "03-procedure-detail");

        await page.GetByTestId("file-dossier").ClickAsync();
        await page.WaitForURLAsync(new Regex("/dossiers/new/hotich.khaisinh$"));
        await DeskSteps.FillBirthRegistrationAsync(page, motherId: "001095012345");
        await page.GetByTestId("receive").ClickAsync();

        // The mother's CCCD says "man born in the 1900s": refused with the reason in Vietnamese, answers kept.
        await Expect(page.GetByTestId("form-errors")).ToContainTextAsync("Chữ số thứ 4 của CCCD không khớp với giới tính");
        await Expect(page.Locator("#f-child-full_name")).ToHaveValueAsync("Vàng Thị Hoa");
        await DeskBrowser.ScreenshotAsync(page, "04-file-dossier-error");

        await page.Locator("#f-mother-id_number").FillAsync("001195012345");
        await page.GetByTestId("receive").ClickAsync();
        await page.WaitForURLAsync(new Regex("/dossiers/[0-9a-f-]{36}\\?done="));
        await Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Đã tiếp nhận");
        await Expect(page.GetByTestId("due-date")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("fee-total")).ToHaveTextAsync("0 đ");
        var dossierId = (await page.GetByTestId("dossier-id").TextContentAsync())!.Trim();
        await DeskBrowser.ScreenshotAsync(page, "05-dossier-received");

        await page.GetByTestId("slip-link").ClickAsync();
        await Expect(page.GetByTestId("slip-qr")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("slip")).ToContainTextAsync("Vàng Thị Lan");
        await DeskBrowser.ScreenshotAsync(page, "06-slip");

        // Power cut: the process dies without shutting down; the dossier and the sign-in survive it.
        await node.RestartAsync();
        await page.GotoAsync("/dossiers?status=received");
        await Expect(page.GetByTestId("dossier-table")).ToContainTextAsync("Vàng Thị Lan");
        await DeskBrowser.ScreenshotAsync(page, "07-dossier-list-after-restart");
        await page.GotoAsync($"/dossiers/{dossierId}");
        await Expect(page.GetByTestId("dossier-status")).ToHaveAttributeAsync("data-status", "received");
        await Expect(page.GetByTestId("answers")).ToContainTextAsync("Vàng Thị Hoa");

        // English on request; the resident's view from the slip's QR needs no account.
        await page.GetByTestId("lang-en").ClickAsync();
        await Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Received");
        await DeskBrowser.ScreenshotAsync(page, "08-dossier-english");
        var resident = await browser.NewPageAsync(node.BaseUrl);
        await resident.GotoAsync($"/status/{dossierId}");
        await Expect(resident.GetByTestId("resident-status")).ToHaveTextAsync("Đã tiếp nhận");
        await Expect(resident.Locator("body")).Not.ToContainTextAsync("Vàng Thị");
        await DeskBrowser.ScreenshotAsync(resident, "09-resident-status");
    }

    [ChromiumFact]
    public async Task Volunteer_SavesDraft_ServerRefusesForgedReceive_StaffReceivesAndCollectsFee()
    {
        await using var node = new UiNode();
        await node.StartAsync();
        await using var browser = await DeskBrowser.LaunchAsync();
        var volunteer = await browser.NewPageAsync(node.BaseUrl);

        await volunteer.GotoAsync("/signin");
        await DeskSteps.SignInAsync(volunteer, "tnv", UiNode.VolunteerPassword);
        await volunteer.GotoAsync("/dossiers/new/chungthuc.chuky");
        await Expect(volunteer.GetByTestId("receive")).ToBeDisabledAsync();
        await DeskSteps.FillSignatureCertificationAsync(volunteer);
        await DeskBrowser.ScreenshotAsync(volunteer, "10-volunteer-form");

        // A volunteer who re-enables the button in the browser still gets a refusal: the check is on the server.
        await volunteer.GetByTestId("receive").EvaluateAsync("b => b.removeAttribute('disabled')");
        await volunteer.GetByTestId("receive").ClickAsync();
        await Expect(volunteer.GetByTestId("forbidden")).ToBeVisibleAsync();
        Assert.Empty(await ListDossiersAsync(node));

        await volunteer.GetByTestId("save-draft").ClickAsync();
        await volunteer.WaitForURLAsync(new Regex("/dossiers/[0-9a-f-]{36}\\?done=draft"));
        await Expect(volunteer.GetByTestId("dossier-status")).ToHaveAttributeAsync("data-status", "draft");
        var dossierUrl = new Uri(volunteer.Url).AbsolutePath;
        await Expect(volunteer.GetByTestId("to-received")).ToBeDisabledAsync();
        await volunteer.GetByTestId("to-received").EvaluateAsync("b => b.removeAttribute('disabled')");
        await volunteer.GetByTestId("to-received").ClickAsync();
        await Expect(volunteer.GetByTestId("forbidden")).ToBeVisibleAsync();
        await Expect(volunteer.GetByTestId("dossier-status")).ToHaveAttributeAsync("data-status", "draft");
        await DeskBrowser.ScreenshotAsync(volunteer, "11-volunteer-refused");
        Assert.Equal("draft", Assert.Single(await ListDossiersAsync(node)).GetProperty("status").GetString());

        // Staff receive the volunteer's draft and take the fee in cash.
        var staff = await browser.NewPageAsync(node.BaseUrl);
        await staff.GotoAsync(dossierUrl);
        await staff.WaitForURLAsync(new Regex("/signin"));
        await DeskSteps.SignInAsync(staff, "canbo", UiNode.StaffPassword);
        await staff.WaitForURLAsync(new Regex(Regex.Escape(dossierUrl)));
        await staff.GetByTestId("to-received").ClickAsync();
        await Expect(staff.GetByTestId("dossier-status")).ToHaveAttributeAsync("data-status", "received");
        await Expect(staff.GetByTestId("fee-total")).ToHaveTextAsync("10.000 đ");
        await staff.GetByTestId("to-processing").ClickAsync();
        await Expect(staff.GetByTestId("dossier-status")).ToHaveAttributeAsync("data-status", "processing");

        // The timeline holds every status with who set it: draft (volunteer's node), received and processing by staff.
        await Expect(staff.GetByTestId("history").Locator("li")).ToHaveCountAsync(3);
        await Expect(staff.GetByTestId("history").Locator("li[data-status=received]")).ToContainTextAsync("bởi canbo");
        await Expect(staff.GetByTestId("history").Locator("li[data-status=processing]")).ToContainTextAsync("bởi canbo");
        await staff.Locator("summary").ClickAsync();
        await Expect(staff.GetByTestId("vietqr")).ToBeVisibleAsync();
        await DeskBrowser.ScreenshotAsync(staff, "12-fee-vietqr");
        await staff.GetByTestId("collect-cash").ClickAsync();
        await Expect(staff.GetByTestId("paid")).ToContainTextAsync("10.000 đ");
        await DeskBrowser.ScreenshotAsync(staff, "13-fee-paid");
        await staff.GetByTestId("slip-link").ClickAsync();
        await Expect(staff.GetByTestId("slip")).ToContainTextAsync("10.000 đ");
        await staff.GetByTestId("print-receipt").ClickAsync();
        await Expect(staff.GetByTestId("print-result")).ToContainTextAsync("Đã in phiếu hẹn");
        await DeskBrowser.ScreenshotAsync(staff, "14-slip-printed");
        await staff.GotoAsync("/devices");
        await Expect(staff.Locator("tr[data-kind='printer'] [data-testid=device-details]")).ToContainTextAsync("printed: 1");
        await DeskBrowser.ScreenshotAsync(staff, "15-devices");

        // The device page is for staff: a volunteer who types its address is turned away by the server.
        await volunteer.GotoAsync("/devices");
        await Expect(volunteer.GetByTestId("forbidden-page")).ToBeVisibleAsync();
    }

    private static async Task<List<JsonElement>> ListDossiersAsync(UiNode node) =>
        await node.Http.GetFromJsonAsync<List<JsonElement>>(new Uri(node.BaseUrl, "/api/dossiers")) ?? [];
}
