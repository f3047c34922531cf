using static Microsoft.Playwright.Assertions;

namespace OneStop.EndToEnd.Tests.Ui;

/// <summary>The ID card into the intake form, in Chromium against a real edge with its simulated reader (real BAC on the chip).</summary>
public sealed class IdCardUiTests
{
    // The simulator's specimen card: its front QR as the scanner reads it, from which the desk derives the chip's key.
    private const string SpecimenQr = "001090012345|012345678|Nguyễn Văn Mẫu|17051990|Nam|Số 1 Đường Mẫu, Phường Mẫu, Quận Mẫu, Hà Nội|17052021";

    [ChromiumFact]
    public async Task CardPutOnReader_OpenIntakeForm_FillsRequesterLiveAndStaysEditable()
    {
        await using var node = new UiNode();
        await node.StartAsync();
        await using var browser = await DeskBrowser.LaunchAsync();
        var devices = await browser.NewPageAsync(node.BaseUrl);
        await devices.GotoAsync("/signin");
        await DeskSteps.SignInAsync(devices, "canbo", UiNode.StaffPassword);
        await devices.GotoAsync("/devices");
        await devices.GetByTestId("sim-code").FillAsync(SpecimenQr);
        await devices.GetByTestId("sim-scan").ClickAsync();
        await Expect(devices.GetByTestId("sim-done")).ToBeVisibleAsync();

        // The form is open in another tab of the same clerk before the card is put down: no click on the form.
        var form = await devices.Context.NewPageAsync();
        await form.GotoAsync("/dossiers/new/hotich.khaisinh");
        await Expect(form.GetByTestId("id-card-fill")).ToHaveAttributeAsync("data-watching", "true");
        await devices.BringToFrontAsync();
        await devices.GetByTestId("sim-card-in").ClickAsync();

        await Expect(form.GetByTestId("card-result")).ToContainTextAsync("chip");
        await Expect(form.Locator("#f-requester-id_number")).ToHaveValueAsync("001090012345");
        await Expect(form.Locator("#f-requester-full_name")).ToHaveValueAsync("Nguyễn Văn Mẫu");
        await Expect(form.Locator("#f-requester-residence")).ToHaveValueAsync("Số 1 Đường Mẫu, Phường Mẫu, Quận Mẫu, Hà Nội");
        await Expect(form.Locator("#applicant_name")).ToHaveValueAsync("Nguyễn Văn Mẫu");
        await DeskBrowser.ScreenshotAsync(form, "40-intake-filled-from-chip");

        // The card's data is a proposal: the clerk corrects it and the draft keeps the correction.
        await form.BringToFrontAsync();
        await form.Locator("#f-requester-full_name").FillAsync("Nguyễn Văn Mẫu Sửa");
        await form.GetByTestId("save-draft").ClickAsync();
        await form.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/dossiers/[0-9a-f-]{36}\\?done=draft"));
        await Expect(form.Locator("body")).ToContainTextAsync("Nguyễn Văn Mẫu Sửa");
    }

    [ChromiumFact]
    public async Task ReadCard_MotherChosenAndDatesTyped_FillsMother()
    {
        await using var node = new UiNode();
        await node.StartAsync();
        await using var browser = await DeskBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(node.BaseUrl);
        await page.GotoAsync("/signin");
        await DeskSteps.SignInAsync(page, "canbo", UiNode.StaffPassword);
        await page.GotoAsync("/devices");
        await page.GetByTestId("sim-card-in").ClickAsync();
        await Expect(page.GetByTestId("sim-done")).ToBeVisibleAsync();

        // No QR scanned: the clerk types the number and dates from the card and says it is the mother's.
        await page.GotoAsync("/dossiers/new/hotich.khaisinh");
        await page.GetByTestId("card-person").SelectOptionAsync("mother");
        await page.Locator("[data-testid=card-key] summary").ClickAsync();
        await page.GetByTestId("card-key-number").FillAsync("001090012345");
        await page.GetByTestId("card-key-birth").FillAsync("1990-05-17");
        await page.GetByTestId("card-key-expiry").FillAsync("2030-05-17");
        await page.GetByTestId("read-card").ClickAsync();

        await Expect(page.GetByTestId("card-result")).ToContainTextAsync("chip");
        await Expect(page.Locator("#f-mother-id_number")).ToHaveValueAsync("001090012345");
        await Expect(page.Locator("#f-mother-full_name")).ToHaveValueAsync("Nguyễn Văn Mẫu");
        await Expect(page.Locator("#f-requester-id_number")).ToHaveValueAsync(string.Empty);
    }
}
