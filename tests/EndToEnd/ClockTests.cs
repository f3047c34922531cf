using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OneStop.EndToEnd.Tests;

/// <summary>
/// Issue 19 with the real edge process whose clock libfaketime moves: a box that comes back from a power cut days
/// behind, one days ahead, one whose clock jumps back while it runs, and one with a DS3231 module (simulated chip,
/// the real dotnet/iot binding). Expected dates come from this test process's own clock, which is not faked.
/// </summary>
public sealed class ClockTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Receipt_ClockThreeDaysBehind_RefusedUntilConfirmedThenHubFixesDatesWithoutAPerson()
    {
        await using var cluster = new SyncCluster(edgeSettings: DeskAccount());
        await cluster.StartHubAsync();
        await cluster.StartEdgeAsync();
        var edge = cluster.Edge;

        // The box worked at the right time: its hybrid clock (and the hub's time it saw) is today.
        await cluster.CreateDossierAsync("Trước khi mất điện");
        await WaitForStatusAsync(edge, s => s.GetProperty("clock").GetProperty("source").GetString() == "hub", "first handshake");
        var before = await CountDossiersAsync(edge);

        // Power cut, no network when it comes back, and the clock 3 days behind.
        await cluster.StopHubAsync();
        await edge.RestartAfterKillAsync(cluster.HubGrpcPort, SyncCluster.CommuneCode, Merge(DeskAccount(), FakeClock.Offset("-3d")));
        var status = await edge.GetJsonAsync("/api/status");
        Assert.True(status.GetProperty("clockSuspect").GetBoolean(), status.ToString());
        Assert.True(status.GetProperty("clock").GetProperty("confirmationRequired").GetBoolean(), status.ToString());
        Assert.Equal("behind_newest_known", status.GetProperty("clock").GetProperty("reason").GetString());
        var behindMs = -status.GetProperty("clock").GetProperty("wallErrorMs").GetInt64();
        Assert.InRange(behindMs, TimeSpan.FromDays(3).TotalMilliseconds - 120_000, TimeSpan.FromDays(3).TotalMilliseconds + 120_000);

        // No receipt without a confirmed date, and nothing stored by the refused request.
        using (var refused = await edge.Http.PostAsJsonAsync(edge.Api("/api/dossiers"), new { procedureCode = "hotich.khaisinh", applicantName = "Không xác nhận", form = EdgeNode.BirthAnswers }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal("confirmedDate", problem.RootElement.GetProperty("field").GetString());
            Assert.Contains("xác nhận ngày", problem.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountDossiersAsync(edge));

        // The clerk confirms today's date: it is the receipt date, in the dossier's history, and on the slip.
        var today = FakeClock.TodayInVietnam();
        using var confirmed = await edge.Http.PostAsJsonAsync(edge.Api("/api/dossiers"), new { procedureCode = "hotich.khaisinh", applicantName = "Đã xác nhận", form = EdgeNode.BirthAnswers, confirmedDate = FakeClock.Iso(today) });
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var dossier = (await confirmed.Content.ReadFromJsonAsync<JsonElement>())!;
        Assert.Equal(today, ReceivedDay(dossier));
        var legal = Assert.Single(dossier.GetProperty("legalDates").EnumerateArray());
        Assert.Equal("received", legal.GetProperty("act").GetString());
        Assert.Equal(FakeClock.Iso(today), legal.GetProperty("date").GetString());
        Assert.Equal("api", legal.GetProperty("by").GetString());

        var slip = await DeskPageAsync(edge, $"/dossiers/{dossier.GetProperty("id").GetGuid()}/slip", "slip-confirmed-date");
        Assert.Contains("data-testid=\"slip-confirmed-date\"", slip, StringComparison.Ordinal);
        Assert.Contains(today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), SlipConfirmation(slip), StringComparison.Ordinal);
        var detail = await DeskPageAsync(edge, $"/dossiers/{dossier.GetProperty("id").GetGuid()}", "history-confirmed-date");
        Assert.Contains("data-testid=\"history-confirmed-date\"", detail, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"clock-banner\"", detail, StringComparison.Ordinal);

        // The hub comes back: after one sync the node stamps with the hub's time, nobody confirms anything.
        await cluster.StartHubAsync();
        await WaitForStatusAsync(edge, s => s.GetProperty("clock").GetProperty("source").GetString() == "hub", "handshake with the hub after the cut");
        using var automatic = await edge.Http.PostAsJsonAsync(edge.Api("/api/dossiers"), new { procedureCode = "hotich.khaisinh", applicantName = "Sau đồng bộ", form = EdgeNode.BirthAnswers });
        Assert.Equal(HttpStatusCode.Created, automatic.StatusCode);
        var fixedDossier = (await automatic.Content.ReadFromJsonAsync<JsonElement>())!;
        Assert.Equal(FakeClock.TodayInVietnam(), ReceivedDay(fixedDossier));
        Assert.Empty(fixedDossier.GetProperty("legalDates").EnumerateArray());

        // The wall clock itself is still wrong, and both the node and the fleet view say so.
        Assert.True((await edge.GetJsonAsync("/api/status")).GetProperty("clockSuspect").GetBoolean());
        var node = await Eventually.WaitForAsync(
            async () => (await cluster.HubJsonAsync("/api/nodes")).EnumerateArray().Single(n => n.GetProperty("nodeId").GetString() == edge.NodeId),
            n => n.GetProperty("clockSuspect").GetBoolean(),
            Timeout,
            cluster.Logs);
        Assert.InRange(-node.GetProperty("clockOffsetMs").GetInt64(), TimeSpan.FromDays(3).TotalMilliseconds - 120_000, TimeSpan.FromDays(3).TotalMilliseconds + 120_000);
    }

    [Fact]
    public async Task Receipt_ClockTwoDaysAheadWithHub_StampedWithHubDate()
    {
        await using var cluster = new SyncCluster(edgeSettings: FakeClock.Offset("+2d"));
        await cluster.StartHubAsync();
        await cluster.StartEdgeAsync();
        var edge = cluster.Edge;

        var status = await WaitForStatusAsync(edge, s => s.GetProperty("clock").GetProperty("source").GetString() == "hub", "handshake");
        Assert.True(status.GetProperty("clockSuspect").GetBoolean(), status.ToString());
        Assert.Equal("hub_measured_off", status.GetProperty("clock").GetProperty("reason").GetString());
        Assert.False(status.GetProperty("clock").GetProperty("confirmationRequired").GetBoolean());

        var id = await edge.CreateDossierAsync("Giờ nhanh");
        var dossier = await edge.GetJsonAsync($"/api/dossiers/{id}");
        Assert.Equal(FakeClock.TodayInVietnam(), ReceivedDay(dossier));
    }

    [Fact]
    public async Task Status_ClockJumpsBackWhileRunning_SuspectAndReceiptRefusedWithoutRestart()
    {
        var offsetFile = Path.Combine(Directory.CreateTempSubdirectory("onestop-faketime-").FullName, "offset");
        await using var cluster = new SyncCluster(edgeSettings: FakeClock.FromFile(offsetFile, "+0"));
        await cluster.StartEdgeAsync();
        var edge = cluster.Edge;
        await edge.CreateDossierAsync("Trước khi đồng hồ lùi");
        Assert.False((await edge.GetJsonAsync("/api/status")).GetProperty("clockSuspect").GetBoolean());

        await File.WriteAllTextAsync(offsetFile, "-1d\n");

        var status = await WaitForStatusAsync(edge, s => s.GetProperty("clockSuspect").GetBoolean(), "the jump back to be noticed");
        Assert.Equal("behind_newest_known", status.GetProperty("clock").GetProperty("reason").GetString());
        using var refused = await edge.Http.PostAsJsonAsync(edge.Api("/api/dossiers"), new { procedureCode = "hotich.khaisinh", applicantName = "Không xác nhận", form = EdgeNode.BirthAnswers });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task Receipt_ClockBehindWithTrustedRtc_StampedWithRtcTimeAndShownInDeviceHealth()
    {
        var settings = Merge(FakeClock.Offset("-3d"), new Dictionary<string, string>
        {
            ["Hardware:Clock:Driver"] = "simulator",
            ["Hardware:Clock:SimulatorStartUtc"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        });
        await using var cluster = new SyncCluster(edgeSettings: settings);
        await cluster.StartEdgeAsync();
        var edge = cluster.Edge;

        var status = await WaitForStatusAsync(edge, s => s.GetProperty("clock").GetProperty("source").GetString() == "rtc", "the clock module to be read");
        Assert.True(status.GetProperty("clockSuspect").GetBoolean());
        Assert.Equal("rtc_disagrees", status.GetProperty("clock").GetProperty("reason").GetString());
        var rtc = status.GetProperty("devices").EnumerateArray().Single(d => d.GetProperty("deviceId").GetString() == "rtc");
        Assert.True(rtc.GetProperty("connected").GetBoolean());
        Assert.Equal("false", rtc.GetProperty("details").GetProperty("oscillatorStopped").GetString());

        var id = await edge.CreateDossierAsync("Có đồng hồ thời gian thực");
        Assert.Equal(FakeClock.TodayInVietnam(), ReceivedDay(await edge.GetJsonAsync($"/api/dossiers/{id}")));
    }

    [Fact]
    public async Task Rtc_OscillatorStoppedThenHub_SetFromHubAndTrusted()
    {
        var settings = new Dictionary<string, string>
        {
            ["Hardware:Clock:Driver"] = "simulator",
            ["Hardware:Clock:SimulatorStartUtc"] = "2000-01-01T00:00:00Z",
            ["Hardware:Clock:SimulatorOscillatorStopped"] = "true",
            ["Clock:PollSeconds"] = "1",
        };
        await using var cluster = new SyncCluster(edgeSettings: settings);
        await cluster.StartHubAsync();
        await cluster.StartEdgeAsync();

        var status = await WaitForStatusAsync(cluster.Edge, s => Rtc(s)?.GetProperty("details").GetProperty("oscillatorStopped").GetString() == "false", "the module to be set from the hub");
        var time = DateTimeOffset.Parse(Rtc(status)!.Value.GetProperty("details").GetProperty("time").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(time, TimeProvider.System.GetUtcNow().AddMinutes(-2), TimeProvider.System.GetUtcNow().AddMinutes(2));
    }

    private static JsonElement? Rtc(JsonElement status) =>
        status.GetProperty("devices").EnumerateArray().Where(d => d.GetProperty("deviceId").GetString() == "rtc").Select(d => (JsonElement?)d).FirstOrDefault();

    private static DateOnly ReceivedDay(JsonElement dossier) =>
        DateOnly.FromDateTime(DateTimeOffset.Parse(dossier.GetProperty("receivedAt").GetString()!, CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(7)).DateTime);

    private static async Task<JsonElement> WaitForStatusAsync(EdgeNode edge, Func<JsonElement, bool> done, string what) =>
        await Eventually.WaitForAsync(() => edge.GetJsonAsync("/api/status"), done, Timeout, () => $"waiting for {what}\n{edge.Process?.Output}");

    private static async Task<long> CountDossiersAsync(EdgeNode edge)
    {
        using var response = await edge.Http.GetAsync(edge.Api("/api/dossiers?limit=1"));
        response.EnsureSuccessStatusCode();
        return long.Parse(response.Headers.GetValues("X-Total-Count").Single(), CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string> DeskAccount() => DeskHttp.StaffAccount();

    private static Dictionary<string, string> Merge(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Concat(b).ToDictionary(p => p.Key, p => p.Value);

    private static Task<string> DeskPageAsync(EdgeNode edge, string path, string waitForTestId) => DeskHttp.PageAsync(edge.Api, path, waitForTestId);

    private static string SlipConfirmation(string slip) => DeskHttp.TestIdText(slip, "slip-confirmed-date");
}
