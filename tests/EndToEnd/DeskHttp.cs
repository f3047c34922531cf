using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;

namespace OneStop.EndToEnd.Tests;

/// <summary>Desk pages as a signed-in clerk sees them: for assertions on what a page prints.</summary>
internal static partial class DeskHttp
{
    public const string StaffUser = "canbo";
    public const string StaffPassword = "can-bo-mot-cua";

    /// <summary>Edge settings that create the staff account <see cref="StaffUser"/>.</summary>
    public static Dictionary<string, string> StaffAccount() => new()
    {
        ["Edge:Ui:Accounts:0:UserName"] = StaffUser,
        ["Edge:Ui:Accounts:0:DisplayName"] = "Lò Thị Mai",
        ["Edge:Ui:Accounts:0:Role"] = "staff",
        ["Edge:Ui:Accounts:0:PasswordHash"] = new PasswordHasher<string>().HashPassword(StaffUser, StaffPassword),
    };

    /// <summary>
    /// The page as Chromium shows it to a signed-in clerk: the desk's pages render in their interactive circuit, so
    /// the server's HTML alone holds no content. Waits until the element <paramref name="waitForTestId"/> is there.
    /// </summary>
    public static async Task<string> PageAsync(Func<string, Uri> url, string path, string waitForTestId)
    {
        await using var browser = await Ui.DeskBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(url("/"));
        await page.GotoAsync("/signin");
        await Ui.DeskSteps.SignInAsync(page, StaffUser, StaffPassword);
        await page.GotoAsync(path);
        await page.GetByTestId(waitForTestId).First.WaitForAsync();
        return await page.ContentAsync();
    }

    /// <summary>The text of the element with this data-testid (its first text node), HTML-decoded.</summary>
    public static string TestIdText(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{Regex.Escape(testId)}\"[^>]*>(?:<[^>]+>)*([^<]*)<");
        Assert.True(match.Success, $"no {testId} in\n{html}");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }
}
