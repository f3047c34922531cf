using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OneStop.EndToEnd.Tests.Ui;

/// <summary>
/// Issue 12's reference-data journeys on a real hub with a real node whose clock libfaketime moves: a fee change
/// published for next month that the node, offline and past that date, charges to new dossiers only; and a holiday
/// year published from the console that moves the due date the node counts.
/// </summary>
public sealed class ConsoleReferenceUiTests
{
    private const string LateBirth = "hotich.khaisinh_quahan";

    // The catalogue's late birth registration fee (core/data/procedures.json, fees[late].amount_vnd).
    private const long CatalogueFee = 8000;
    private const long NewFee = 10000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [ChromiumFact]
    public async Task AdminPublishesFeeChangeNextMonth_NodeOfflinePastThatDate_NewDossierChargedNewFeeEarlierOneKeepsOld()
    {
        var clockFile = Path.Combine(Directory.CreateTempSubdirectory("onestop-faketime-").FullName, "offset");
        var edgeSettings = FakeClock.FromFile(clockFile, "+0");
        foreach (var (key, value) in DeskHttp.StaffAccount())
        {
            edgeSettings[key] = value;
        }

        await using var cluster = new SyncCluster(edgeSettings: edgeSettings);
        await cluster.StartHubAsync();
        await cluster.StartEdgeAsync();
        var today = FakeClock.TodayInVietnam();
        var effective = new DateOnly(today.Year, today.Month, 1).AddMonths(1);

        await using var browser = await DeskBrowser.LaunchAsync();
        var console = await SignInToConsoleAsync(browser, cluster);
        await console.GotoAsync($"/catalogue/{LateBirth}");
        await WaitInteractiveAsync(console);
        await SetAsync(console.GetByTestId("fee-from"), FakeClock.Iso(effective));
        await SetAsync(console.Locator("[data-testid=fee-amount][data-fee=late]"), NewFee.ToString(CultureInfo.InvariantCulture));
        await console.GetByTestId("fee-publish").ClickAsync();
        await Expect(console.GetByTestId("procedure-message")).ToContainTextAsync(effective.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await Expect(console.Locator($"[data-testid=fee-version][data-from='{FakeClock.Iso(effective)}']")).ToBeVisibleAsync();

        // The preview applies the node's rule: today the catalogue fee, from the effective date the new one.
        await Expect(console.GetByTestId("preview-fee-amount")).ToHaveTextAsync(Money(CatalogueFee));
        await SetAsync(console.GetByTestId("preview-day"), FakeClock.Iso(effective));
        await Expect(console.GetByTestId("preview-fee-amount")).ToHaveTextAsync(Money(NewFee));
        await DeskBrowser.ScreenshotAsync(console, "43-console-fee-change-published");
        await console.GotoAsync("/audit");
        await Expect(console.GetByTestId("audit-table")).ToContainTextAsync(LateBirth);

        await SyncEverythingAsync(cluster);
        var onNode = await cluster.Edge.GetJsonAsync($"/api/procedures/{LateBirth}");
        Assert.Equal(FakeClock.Iso(effective), onNode.GetProperty("feeVersions")[0].GetProperty("effectiveFrom").GetString());
        var before = await ReceiveLateBirthAsync(cluster.Edge);
        Assert.Equal(today, ReceivedDay(before));

        // The hub goes away and the node's clock moves past the effective date: weeks offline, as in a remote commune.
        await cluster.StopHubAsync();
        var later = effective.AddDays(1);
        await File.WriteAllTextAsync(clockFile, $"+{later.DayNumber - today.DayNumber}d\n");
        await Eventually.WaitForAsync(
            () => cluster.Edge.GetJsonAsync("/api/status"),
            s => DateOnly.FromDateTime(s.GetProperty("clock").GetProperty("bestEstimate").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(7)).DateTime) == later,
            Patience,
            cluster.Logs);
        var after = await ReceiveLateBirthAsync(cluster.Edge);
        Assert.Equal(later, ReceivedDay(after));

        Assert.Equal(NewFee, await DeskFeeAsync(cluster.Edge, after));
        Assert.Equal(CatalogueFee, await DeskFeeAsync(cluster.Edge, before));
    }

    [ChromiumFact]
    public async Task AdminPublishesHoliday2027_NodeSyncs_DueDateOfNextDossierMovesEarlierOneKeepsItsDate()
    {
        // Hub and node on the same moved clock: Monday 7 June 2027, 09:00 in Vietnam (02:00 UTC); June 2027 has no
        // holiday in the built-in table.
        var start = new DateTimeOffset(2027, 6, 7, 2, 0, 0, TimeSpan.Zero);
        var offset = FakeClock.Offset("+" + ((long)(start - TimeProvider.System.GetUtcNow()).TotalSeconds).ToString(CultureInfo.InvariantCulture));
        offset["TZ"] = "UTC";
        var edgeSettings = new Dictionary<string, string>(offset);
        foreach (var (key, value) in DeskHttp.StaffAccount())
        {
            edgeSettings[key] = value;
        }

        await using var cluster = new SyncCluster(edgeSettings: edgeSettings);
        await cluster.StartHubAsync(offset);
        await cluster.StartEdgeAsync();
        var received = new DateOnly(2027, 6, 7);
        DateOnly[] daysOff = [new(2027, 6, 7), new(2027, 6, 8)];

        var first = await ReceiveBirthAsync(cluster.Edge);
        Assert.Equal(received, ReceivedDay(first));
        Assert.Equal(NaiveSameDayDue(received, []), DueDate(first));

        await using var browser = await DeskBrowser.LaunchAsync();
        var console = await SignInToConsoleAsync(browser, cluster);
        await console.GotoAsync("/reference");
        await WaitInteractiveAsync(console);
        await Expect(console.Locator("[data-testid=holiday-year][data-year='2027'] [data-testid=holiday-source]")).ToContainTextAsync("Bảng có sẵn");
        await SetAsync(console.GetByTestId("h-year"), "2027");
        await SetAsync(console.GetByTestId("h-extra"), string.Join(", ", daysOff.Select(FakeClock.Iso)));
        await console.GetByTestId("h-publish").ClickAsync();
        await Expect(console.GetByTestId("reference-message")).ToContainTextAsync("2027");
        await Expect(console.Locator("[data-testid=holiday-year][data-year='2027'] [data-testid=holiday-source]")).ToContainTextAsync("Tỉnh đã công bố");
        await Expect(console.Locator("[data-testid=holiday-year][data-year='2027'] [data-testid=holiday-extra]")).ToContainTextAsync("08/06/2027");
        await DeskBrowser.ScreenshotAsync(console, "44-console-holiday-published");

        await SyncEverythingAsync(cluster);
        var second = await ReceiveBirthAsync(cluster.Edge);
        Assert.Equal(received, ReceivedDay(second));
        Assert.Equal(NaiveSameDayDue(received, daysOff), DueDate(second));
        Assert.NotEqual(DueDate(first), DueDate(second));
        Assert.Equal(NaiveSameDayDue(received, []), DueDate(await cluster.Edge.GetJsonAsync($"/api/dossiers/{first.GetProperty("id").GetGuid()}")));

        var page = await DeskHttp.PageAsync(cluster.Edge.Api, $"/dossiers/{second.GetProperty("id").GetGuid()}", "due-date");
        Assert.Equal(NaiveSameDayDue(received, daysOff), DateOnly.ParseExact(DeskHttp.TestIdText(page, "due-date"), "dd/MM/yyyy", CultureInfo.InvariantCulture));
    }

    private static async Task<IPage> SignInToConsoleAsync(DeskBrowser browser, SyncCluster cluster)
    {
        var password = (await File.ReadAllTextAsync(Path.Combine(cluster.HubDataDirectory, "console-admin-password"))).Trim();
        var console = await browser.NewPageAsync(new Uri($"http://127.0.0.1:{cluster.HubHttpPort}/"));
        await console.GotoAsync("/signin");
        await console.Locator("#userName").FillAsync("admin");
        await console.Locator("#password").FillAsync(password);
        await console.GetByTestId("signin").ClickAsync();
        await Expect(console.GetByTestId("who")).ToContainTextAsync("admin");
        return console;
    }

    // Blazor's @onchange and @bind listen for "change", which a typed value only raises on blur.
    private static async Task SetAsync(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.DispatchEventAsync("change");
    }

    private static async Task SyncEverythingAsync(SyncCluster cluster)
    {
        var head = await Eventually.WaitForAsync(() => cluster.HubStatsAsync(), s => s.GetProperty("logHead").GetInt64() > 0, Patience, cluster.Logs);
        await cluster.Edge.RequestSyncAsync();
        await Eventually.WaitForAsync(
            () => cluster.Edge.GetJsonAsync("/api/status"),
            s => s.GetProperty("pullCursor").GetInt64() >= head.GetProperty("logHead").GetInt64(),
            Patience,
            cluster.Logs);
    }

    private static Task<JsonElement> ReceiveLateBirthAsync(EdgeNode edge) =>
        ReceiveAsync(edge, LateBirth, new Dictionary<string, string>(EdgeNode.BirthAnswers) { ["late.reason"] = "xa_xoi" });

    private static Task<JsonElement> ReceiveBirthAsync(EdgeNode edge) => ReceiveAsync(edge, "hotich.khaisinh", EdgeNode.BirthAnswers);

    private static async Task<JsonElement> ReceiveAsync(EdgeNode edge, string procedureCode, Dictionary<string, string> answers)
    {
        using var response = await edge.Http.PostAsJsonAsync(edge.Api("/api/dossiers"), new { procedureCode, applicantName = "Sùng Mí Chứ", form = answers });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private static async Task<long> DeskFeeAsync(EdgeNode edge, JsonElement dossier)
    {
        var page = await DeskHttp.PageAsync(edge.Api, $"/dossiers/{dossier.GetProperty("id").GetGuid()}", "fee-total");
        return long.Parse(new string([.. DeskHttp.TestIdText(page, "fee-total").Where(char.IsAsciiDigit)]), CultureInfo.InvariantCulture);
    }

    private static DateOnly ReceivedDay(JsonElement dossier) =>
        DateOnly.FromDateTime(DateTimeOffset.Parse(dossier.GetProperty("receivedAt").GetString()!, CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(7)).DateTime);

    private static DateOnly DueDate(JsonElement dossier) =>
        DateOnly.ParseExact(dossier.GetProperty("dueDate").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // procedures.json common_rules for a same-day procedure received before 15:00: that day, or the next day that is
    // neither a weekend nor one of the days off.
    private static DateOnly NaiveSameDayDue(DateOnly received, DateOnly[] daysOff)
    {
        var day = received;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || daysOff.Contains(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static string Money(long amount) => amount.ToString("#,0", CultureInfo.GetCultureInfo("vi-VN")) + " đ";

    private static Task WaitInteractiveAsync(IPage page) =>
        Expect(page.Locator("[data-testid=interactive]")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 60_000 });
}
