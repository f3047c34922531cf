using System.Net;
using System.Text.RegularExpressions;

namespace OneStop.Hub.Tests.Infrastructure;

/// <summary>A browser on the province console: keeps its cookies, does not follow redirects, signs in through the real form.</summary>
internal sealed partial class ConsoleBrowser(Uri address) : IDisposable
{
    private readonly HttpClientHandler _handler = new() { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };

    private HttpClient? _client;

    private HttpClient Client => _client ??= new HttpClient(_handler, disposeHandler: false) { BaseAddress = address };

    /// <summary>Posts the sign-in form with the page's antiforgery token; the answer's status and redirect target.</summary>
    public async Task<(HttpStatusCode Status, string Location)> SignInAsync(string user, string password, string returnUrl = "/fleet")
    {
        var page = await Client.GetStringAsync(new Uri("/signin", UriKind.Relative));
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, "the sign-in page carries an antiforgery token");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["userName"] = user,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        });
        using var response = await Client.PostAsync(new Uri("/console/signin", UriKind.Relative), form);
        return (response.StatusCode, response.Headers.Location?.ToString() ?? string.Empty);
    }

    public async Task<(HttpStatusCode Status, string Location)> GetAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, response.Headers.Location?.ToString() ?? string.Empty);
    }

    public void Dispose()
    {
        _client?.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
