using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace OneStop.EndToEnd.Tests.Ui;

/// <summary>A volunteer sees only the drafts they made, with CCCD numbers masked (issue 11, item 3).</summary>
public sealed class VolunteerUiTests
{
    [ChromiumFact]
    public async Task Volunteer_OwnDraftMasked_AnotherDossierNotOpenedAndNoFullCccdInThePage()
    {
        await using var node = new UiNode();
        await node.StartAsync();
        await using var browser = await DeskBrowser.LaunchAsync();

        // Staff receive a dossier: its signer's CCCD is 010078012345 (DeskSteps).
        var staff = await browser.NewPageAsync(node.BaseUrl);
        await staff.GotoAsync("/signin");
        await DeskSteps.SignInAsync(staff, "canbo", UiNode.StaffPassword);
        await DeskSteps.FileReceivedSignatureCertificationAsync(staff);
        var staffDossier = new Uri(staff.Url).AbsolutePath;

        var volunteer = await browser.NewPageAsync(node.BaseUrl);
        await volunteer.GotoAsync("/signin");
        await DeskSteps.SignInAsync(volunteer, "tnv", UiNode.VolunteerPassword);
        await volunteer.GotoAsync("/dossiers/new/chungthuc.chuky");
        await DeskSteps.FillSignatureCertificationAsync(volunteer);
        await volunteer.GetByTestId("save-draft").ClickAsync();
        await volunteer.WaitForURLAsync(new Regex("/dossiers/[0-9a-f-]{36}\\?done=draft"));
        await Expect(volunteer.GetByTestId("dossier-status")).ToHaveAttributeAsync("data-status", "draft");
        var ownDraft = await volunteer.ContentAsync();
        Assert.DoesNotContain("010078012345", ownDraft, StringComparison.Ordinal);
        Assert.Contains("0100******45", ownDraft, StringComparison.Ordinal);

        await volunteer.GotoAsync("/dossiers");
        await Expect(volunteer.Locator("main")).ToBeVisibleAsync();
        Assert.DoesNotContain("010078012345", await volunteer.ContentAsync(), StringComparison.Ordinal);
        await Expect(volunteer.Locator($"a[href='{staffDossier}']")).ToHaveCountAsync(0);

        await volunteer.GotoAsync(staffDossier);
        await Expect(volunteer.GetByTestId("dossier-status")).ToHaveCountAsync(0);
        Assert.DoesNotContain("010078012345", await volunteer.ContentAsync(), StringComparison.Ordinal);
        await DeskBrowser.ScreenshotAsync(volunteer, "63-volunteer-other-dossier");

        // Nor through the HTTP API with the volunteer's cookie.
        var api = await volunteer.Context.APIRequest.GetAsync($"/api/dossiers");
        Assert.NotEqual(200, api.Status);
    }
}
