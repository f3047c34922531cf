using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OneStop.EndToEnd.Tests.Ui;

/// <summary>Steps several UI tests share: signing in and filling the two sample forms.</summary>
internal static class DeskSteps
{
    public static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.Locator("#userName").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("form[action='/account/signin'] button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("who")).ToBeVisibleAsync();
    }

    public static async Task FillBirthRegistrationAsync(IPage page, string motherId)
    {
        await page.Locator("#applicant_name").FillAsync("Vàng Thị Lan");
        await page.Locator("#f-child-full_name").FillAsync("Vàng Thị Hoa");
        await page.Locator("#f-child-gender").SelectOptionAsync("nu");
        await page.Locator("#f-child-date_of_birth").FillAsync(UiNode.IsoDaysAgo(10));
        await page.Locator("#f-child-ethnicity").SelectOptionAsync("Mông");
        await page.Locator("#f-child-place_of_birth").FillAsync("Trạm y tế xã Sa Pa, tỉnh Lào Cai");
        await page.Locator("#f-mother-full_name").FillAsync("Vàng Thị Lan");
        await page.Locator("#f-mother-date_of_birth").FillAsync("1995-03-02");
        await page.Locator("#f-mother-ethnicity").SelectOptionAsync("Mông");
        await page.Locator("#f-mother-id_number").FillAsync(motherId);
        await page.Locator("#f-mother-residence").FillAsync("Thôn Lao Chải, xã Sa Pa");
        await page.Locator("#f-requester-full_name").FillAsync("Vàng Thị Lan");
        await page.Locator("#f-requester-id_number").FillAsync("001195012345");
        await page.Locator("#f-requester-residence").FillAsync("Thôn Lao Chải, xã Sa Pa");
        await page.Locator("#f-requester-relationship").SelectOptionAsync("me");
    }

    public static async Task FillSignatureCertificationAsync(IPage page)
    {
        await page.Locator("#applicant_name").FillAsync("Lý Văn Sử");
        await page.Locator("#f-document-title").FillAsync("Giấy ủy quyền nhận trợ cấp");
        await page.Locator("#f-document-kind").SelectOptionAsync("giay_uy_quyen");
        await page.Locator("#f-signers-count").FillAsync("1");
        await page.Locator("#f-signer-full_name").FillAsync("Lý Văn Sử");
        await page.Locator("#f-signer-id_number").FillAsync("010078012345");
        await page.Locator("#f-signer-date_of_birth").FillAsync("1978-06-15");
    }

    /// <summary>Files and receives a signature certification as staff; returns the dossier id.</summary>
    public static async Task<string> FileReceivedSignatureCertificationAsync(IPage page)
    {
        await page.GotoAsync("/dossiers/new/chungthuc.chuky");
        await FillSignatureCertificationAsync(page);
        await page.GetByTestId("receive").ClickAsync();
        await page.WaitForURLAsync(new Regex("/dossiers/[0-9a-f-]{36}\\?done="));
        return (await page.GetByTestId("dossier-id").TextContentAsync())!.Trim();
    }
}
