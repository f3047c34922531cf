using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace OneStop.EndToEnd.Tests;

/// <summary>
/// The audit chain with real processes: desk sign-ins written on the node, pushed to the hub after a sync round,
/// checked there; one entry edited in a raw SQLite file is named exactly by the verify commands of both hosts.
/// </summary>
public sealed partial class AuditChainTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static string HubDll => RepoPaths.HostDll("central-hub", "OneStop.Hub");

    private static string EdgeDll => RepoPaths.HostDll("edge-node", "OneStop.Edge");

    [Fact]
    public async Task AuditVerify_OneEntryEditedOnNodeAndOnHub_EachCommandNamesThatSequence()
    {
        await using var cluster = new SyncCluster(edgeSettings: DeskHttp.StaffAccount());
        await cluster.StartHubAsync();
        await cluster.StartEdgeAsync();
        var edge = cluster.Edge;

        Assert.Equal(SignInOutcome.Wrong, await SignInAsync(edge, DeskHttp.StaffUser, "sai-mat-khau"));
        Assert.Equal(SignInOutcome.SignedInThenOut, await SignInAsync(edge, DeskHttp.StaffUser, DeskHttp.StaffPassword));
        await WaitHubHeldAsync(cluster, 3);

        var (hubOk, hubOkText) = await CliProcess.RunAsync(HubDll, "audit", "verify", "--node", edge.NodeId, $"--Hub:DataDirectory={cluster.HubDataDirectory}");
        Assert.True(hubOk == 0, hubOkText);
        Assert.Contains($"{edge.NodeId} ", hubOkText, StringComparison.Ordinal);
        Assert.Contains("OK, 3 entries", hubOkText, StringComparison.Ordinal);

        await TamperAsync(Path.Combine(cluster.HubDataDirectory, "console.db"), "audit_entries_no_update", $"UPDATE audit_entries SET actor = 'ai-do' WHERE node_id = '{edge.NodeId}' AND seq = 3");
        var (hubBroken, hubBrokenText) = await CliProcess.RunAsync(HubDll, "audit", "verify", "--node", edge.NodeId, $"--Hub:DataDirectory={cluster.HubDataDirectory}");
        Assert.True(hubBroken == 1, hubBrokenText);
        Assert.Contains("BROKEN at sequence 3: HashMismatch", hubBrokenText, StringComparison.Ordinal);

        // On the node, with the service stopped as for any store verb.
        await edge.Process!.KillAsync();
        var (edgeOk, edgeOkText) = await CliProcess.RunAsync(EdgeDll, "audit", "verify", $"--Edge:DataDirectory={edge.DataDirectory}");
        Assert.True(edgeOk == 0, edgeOkText);
        Assert.Contains("OK, 3 entries", edgeOkText, StringComparison.Ordinal);
        await TamperAsync(Path.Combine(edge.DataDirectory, "edge.db"), "audit_log_no_update", "UPDATE audit_log SET detail = 'from 10.9.9.9' WHERE seq = 2");
        var (edgeBroken, edgeBrokenText) = await CliProcess.RunAsync(EdgeDll, "audit", "verify", $"--Edge:DataDirectory={edge.DataDirectory}");
        Assert.True(edgeBroken == 1, edgeBrokenText);
        Assert.Contains("BROKEN at sequence 2: HashMismatch", edgeBrokenText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPush_EntryEditedBeforeItReachedTheHub_FlaggedOnArrivalAndOnlyThePrefixHeld()
    {
        await using var cluster = new SyncCluster(edgeSettings: DeskHttp.StaffAccount());
        await cluster.StartEdgeAsync();
        var edge = cluster.Edge;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(SignInOutcome.Wrong, await SignInAsync(edge, DeskHttp.StaffUser, $"sai-{i}"));
        }

        await edge.Process!.KillAsync();
        await TamperAsync(Path.Combine(edge.DataDirectory, "edge.db"), "audit_log_no_update", "UPDATE audit_log SET actor = 'ai-do' WHERE seq = 2");
        await cluster.StartHubAsync();
        await cluster.RestartEdgeAfterKillAsync();
        await WaitHubHeldAsync(cluster, 1);

        var (exit, text) = await CliProcess.RunAsync(HubDll, "audit", "verify", "--node", edge.NodeId, $"--Hub:DataDirectory={cluster.HubDataDirectory}");
        Assert.True(exit == 1, text);
        Assert.Contains("OK, 1 entries (BROKEN on arrival at sequence 2: HashMismatch)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeskSignIn_FiveWrongPasswords_LockedWithVietnameseMessageAndRightPasswordRefused()
    {
        await using var cluster = new SyncCluster(edgeSettings: DeskHttp.StaffAccount());
        await cluster.StartEdgeAsync();
        var edge = cluster.Edge;
        for (var i = 1; i < 5; i++)
        {
            Assert.Equal(SignInOutcome.Wrong, await SignInAsync(edge, DeskHttp.StaffUser, $"sai-{i}"));
        }

        var (fifth, fifthLocation) = await PostSignInAsync(edge, DeskHttp.StaffUser, "sai-5");
        var (right, rightLocation) = await PostSignInAsync(edge, DeskHttp.StaffUser, DeskHttp.StaffPassword);

        Assert.Equal((HttpStatusCode.Redirect, true), (fifth, fifthLocation.Contains("locked=15", StringComparison.Ordinal)));
        Assert.Contains("locked=15", rightLocation, StringComparison.Ordinal);
        using var browser = new HttpClient();
        var page = await browser.GetStringAsync(edge.Api(rightLocation));
        Assert.Contains("Tài khoản tạm khoá, thử lại sau 15 phút.", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var audit = await edge.GetJsonAsync("/api/audit");
        Assert.Equal(6, audit.GetArrayLength());
        Assert.Contains("locked", audit[5].GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private enum SignInOutcome
    {
        Wrong,
        Locked,
        SignedInThenOut,
    }

    private static async Task WaitHubHeldAsync(SyncCluster cluster, long sequence)
    {
        await cluster.Edge.RequestSyncAsync();
        await Eventually.WaitForAsync(
            async () =>
            {
                await cluster.Edge.RequestSyncAsync();
                return await cluster.Edge.GetJsonAsync("/api/audit/verify");
            },
            s => s.GetProperty("hubHeld").GetInt64() >= sequence,
            Patience,
            cluster.Logs);
    }

    /// <summary>What someone holding the SD card could do: drop the guard, change a row.</summary>
    private static async Task TamperAsync(string file, string trigger, string update)
    {
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP TRIGGER {trigger}; {update};";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
    }

    /// <summary>Signs in through the real form; when that works, signs out again with the sign-out button's post.</summary>
    private static async Task<SignInOutcome> SignInAsync(EdgeNode edge, string user, string password)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler);
        var location = await PostFormAsync(browser, edge, user, password);
        if (location.Contains("locked=", StringComparison.Ordinal))
        {
            return SignInOutcome.Locked;
        }

        if (location.Contains("error=true", StringComparison.Ordinal))
        {
            return SignInOutcome.Wrong;
        }

        // The sign-in page carries a token for whoever is signed in now: the sign-out form's.
        var page = await browser.GetStringAsync(edge.Api("/signin"));
        using var signOut = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(page) });
        using var response = await browser.PostAsync(edge.Api("/account/signout"), signOut);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return SignInOutcome.SignedInThenOut;
    }

    private static async Task<(HttpStatusCode Status, string Location)> PostSignInAsync(EdgeNode edge, string user, string password)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler);
        var page = await browser.GetStringAsync(edge.Api("/signin"));
        using var form = Form(Token(page), user, password);
        using var response = await browser.PostAsync(edge.Api("/account/signin"), form);
        return (response.StatusCode, response.Headers.Location?.ToString() ?? string.Empty);
    }

    private static async Task<string> PostFormAsync(HttpClient browser, EdgeNode edge, string user, string password)
    {
        var page = await browser.GetStringAsync(edge.Api("/signin"));
        using var form = Form(Token(page), user, password);
        using var response = await browser.PostAsync(edge.Api("/account/signin"), form);
        return response.Headers.Location?.ToString() ?? string.Empty;
    }

    private static FormUrlEncodedContent Form(string token, string user, string password) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["userName"] = user,
        ["password"] = password,
        ["returnUrl"] = "/procedures",
    });

    private static string Token(string page)
    {
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, "the page carries an antiforgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
