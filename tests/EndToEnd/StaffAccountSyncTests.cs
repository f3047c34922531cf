using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace OneStop.EndToEnd.Tests;

/// <summary>An account created at the province reaches its commune's node, and signing in works offline.</summary>
public sealed partial class StaffAccountSyncTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AccountCreatedAtHub_SignsInAtTheNodeAfterTheHubIsGone_WrongPasswordRefused()
    {
        await using var cluster = new SyncCluster();
        await cluster.StartHubAsync();
        await cluster.StartEdgeAsync();

        using var put = await cluster.HubHttp.PutAsJsonAsync(
            cluster.HubApi($"/api/accounts/{SyncCluster.CommuneCode}/canbo.hoa"),
            new { displayName = "Cầm Thị Hoa", role = "staff", password = "mat-khau-xa-2026" });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        using var otherCommune = await cluster.HubHttp.PutAsJsonAsync(
            cluster.HubApi("/api/accounts/03445/canbo.khac"),
            new { displayName = "Người xã khác", role = "staff", password = "mat-khau-xa-khac" });
        Assert.True(otherCommune.IsSuccessStatusCode);
        var cursor = await Eventually.WaitForAsync(
            () => cluster.HubStatsAsync(), s => s.GetProperty("logHead").GetInt64() > 0, Patience, cluster.Logs);
        await cluster.Edge.RequestSyncAsync();
        await Eventually.WaitForAsync(
            () => cluster.Edge.GetJsonAsync("/api/status"),
            s => s.GetProperty("pullCursor").GetInt64() >= cursor.GetProperty("logHead").GetInt64(),
            Patience,
            cluster.Logs);

        // The link goes down: sign-in is checked against the synced hash on the node alone.
        await cluster.StopHubAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(cluster.Edge, "canbo.hoa", "mat-khau-xa-2026")).Status);
        Assert.True((await SignInAsync(cluster.Edge, "canbo.hoa", "mat-khau-xa-2026")).SignedIn);
        Assert.False((await SignInAsync(cluster.Edge, "canbo.hoa", "sai-mat-khau")).SignedIn);
        Assert.False((await SignInAsync(cluster.Edge, "canbo.khac", "mat-khau-xa-khac")).SignedIn);
    }

    [Fact]
    public async Task AccountApi_BadInput_RefusedWithReason()
    {
        await using var cluster = new SyncCluster();
        await cluster.StartHubAsync();

        using var badRole = await cluster.HubHttp.PutAsJsonAsync(cluster.HubApi("/api/accounts/03006/ai.do"), new { role = "root", password = "12345678" });
        using var shortPassword = await cluster.HubHttp.PutAsJsonAsync(cluster.HubApi("/api/accounts/03006/ai.do"), new { role = "staff", password = "123" });
        using var badCommune = await cluster.HubHttp.PutAsJsonAsync(cluster.HubApi("/api/accounts/3006/ai.do"), new { role = "staff", password = "12345678" });

        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Contains("Unknown role", await badRole.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCommune.StatusCode);
        var accounts = await cluster.HubJsonAsync("/api/records/staff_account");
        Assert.Equal(0, accounts.GetArrayLength());
    }

    /// <summary>Signs in through the real form: antiforgery token from the page, then the post.</summary>
    private static async Task<(HttpStatusCode Status, bool SignedIn)> SignInAsync(EdgeNode edge, string user, string password)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler);
        var page = await browser.GetStringAsync(edge.Api("/signin"));
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, "the sign-in page carries an antiforgery token");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["userName"] = user,
            ["password"] = password,
            ["returnUrl"] = "/dossiers",
        });
        using var response = await browser.PostAsync(edge.Api("/account/signin"), form);
        var location = response.Headers.Location?.ToString() ?? string.Empty;
        using var dossiers = await browser.GetAsync(edge.Api("/api/dossiers"));
        return (response.StatusCode, !location.Contains("error=true", StringComparison.Ordinal) && dossiers.IsSuccessStatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
