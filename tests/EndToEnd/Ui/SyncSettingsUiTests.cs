using static Microsoft.Playwright.Assertions;

namespace OneStop.EndToEnd.Tests.Ui;

/// <summary>The hub address set at the desk drives the running sync loop: no configuration file, no restart.</summary>
public sealed class SyncSettingsUiTests
{
    [ChromiumFact]
    public async Task HubAddress_SetInSettingsThenCleared_SyncLoopTriesThatHubThenWorksAlone()
    {
        await using var node = new UiNode();
        await node.StartAsync();
        await using var browser = await DeskBrowser.LaunchAsync();
        var admin = await browser.NewPageAsync(node.BaseUrl);
        await admin.GotoAsync("/signin");
        await DeskSteps.SignInAsync(admin, "admin", UiNode.AdminPassword);
        await admin.GotoAsync("/settings");
        // Started without a hub: the node works alone.
        await Expect(admin.GetByTestId("syncbar")).ToHaveAttributeAsync("data-link", "disabled");

        // A hub address nobody answers on: the loop must go there (and fail), which only the setting can have told it.
        var hub = $"http://127.0.0.1:{HostProcess.FreePort()}";
        await admin.GetByTestId("hub-address").FillAsync(hub);
        await admin.GetByTestId("sync-interval").FillAsync("2");
        await admin.GetByTestId("settings-save").ClickAsync();
        await Expect(admin.GetByTestId("settings-saved")).ToBeVisibleAsync();

        await Expect(admin.GetByTestId("syncbar")).ToHaveAttributeAsync("data-link", "offline");
        await Expect(admin.GetByTestId("sync-error")).ToBeVisibleAsync();

        // Cleared: back to the configuration, which names no hub.
        await admin.GetByTestId("hub-address").FillAsync(string.Empty);
        await admin.GetByTestId("settings-save").ClickAsync();
        await Expect(admin.GetByTestId("hub-address")).ToHaveValueAsync(string.Empty);
        await Expect(admin.GetByTestId("syncbar")).ToHaveAttributeAsync("data-link", "disabled");
    }
}
