using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;

namespace OneStop.EndToEnd.Tests;

/// <summary>Desk pages as server-rendered HTML for a signed-in clerk, without a browser: for assertions on what a page prints.</summary>
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

    public static async Task<string> PageAsync(Func<string, Uri> url, string path)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var signIn = await http.GetStringAsync(url("/signin"));
        var token = AntiforgeryToken().Match(signIn);
        Assert.True(token.Success, signIn);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["userName"] = StaffUser,
            ["password"] = StaffPassword,
            ["returnUrl"] = "/dossiers",
        });
        using var signedIn = await http.PostAsync(url("/account/signin"), form);
        Assert.True(signedIn.IsSuccessStatusCode, $"sign-in: {(int)signedIn.StatusCode}");
        return await http.GetStringAsync(url(path));
    }

    /// <summary>The text of the element with this data-testid (its first text node), HTML-decoded.</summary>
    public static string TestIdText(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{Regex.Escape(testId)}\"[^>]*>(?:<[^>]+>)*([^<]*)<");
        Assert.True(match.Success, $"no {testId} in\n{html}");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"|value=\"(?<value>[^\"]+)\"[^>]*name=\"__RequestVerificationToken\"")]
    private static partial Regex AntiforgeryToken();
}
