using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using OneStop.Core.Changes;
using OneStop.Core.Dossiers;
using OneStop.Hub.Tests.Infrastructure;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests;

/// <summary>
/// The province report over real Kestrel, from dossiers in the hub's store. Three dossiers in September 2026,
/// counted by hand: A1 online, settled on time with a digital result, paid by transfer, rated 5; A2 at the desk,
/// due Fri 11/9 and settled Mon 14/9 (one working day late), paid cash; B1 assisted with reused data, pending.
/// </summary>
public sealed class ReportsApiTests : IAsyncLifetime
{
    private HubTestHost _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = await StartAsync();
        var a1 = Guid.CreateVersion7();
        await Dossier(a1, CommuneA, "result_returned", "online", "2026-09-03T02:00:00Z", "2026-09-08", "2026-09-07T03:00:00Z",
            ("result_digitised", "true"), ("payments/0190a000-0000-7000-8000-00000000000a", "{\"method\":\"bank_transfer\",\"amount_vnd\":8000}"));
        await Dossier(Guid.CreateVersion7(), CommuneA, "approved", "desk", "2026-09-10T02:00:00Z", "2026-09-11", "2026-09-14T02:00:00Z",
            ("payments/0190a000-0000-7000-8000-00000000000b", "{\"method\":\"cash\",\"amount_vnd\":8000}"));
        await Dossier(Guid.CreateVersion7(), CommuneB, "received", "assisted", "2026-09-29T02:00:00Z", "2026-10-02", null, ("data_reused", "true"));
        await _hub.Store.WriteAsHubAsync(Guid.CreateVersion7(), RecordTypes.Feedback, CommuneA, new Dictionary<string, string?>
        {
            ["dossier_id"] = JsonSerializer.Serialize(a1),
            ["rating"] = "5",
            ["submitted_at"] = "\"2026-09-08T01:00:00Z\"",
        });
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    private async Task Dossier(Guid id, string commune, string status, string channel, string receivedAt, string due, string? closedAt, params (string Name, string Json)[] extra)
    {
        var values = new Dictionary<string, string?>
        {
            [DossierFields.ProcedureCode] = "\"hotich.khaisinh\"",
            [DossierFields.Status] = JsonSerializer.Serialize(status),
            [DossierFields.Channel] = JsonSerializer.Serialize(channel),
            [DossierFields.ReceivedAt] = JsonSerializer.Serialize(receivedAt),
            [DossierFields.ReceivedBy] = "\"can.bo\"",
            [DossierFields.DueDate] = JsonSerializer.Serialize(due),
        };
        if (closedAt is not null)
        {
            values[DossierFields.ClosedAt] = JsonSerializer.Serialize(closedAt);
        }

        foreach (var (name, json) in extra)
        {
            values[name] = json;
        }

        await _hub.Store.WriteAsHubAsync(id, RecordTypes.Dossier, commune, values);
    }

    [Fact]
    public async Task Report_September_JsonMatchesTheHandCount()
    {
        using var admin = _hub.AdminHttp();

        using var document = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/reports?from=2026-09-01&to=2026-09-30&by=commune", UriKind.Relative)));
        var total = document.RootElement.GetProperty("total");

        Assert.Equal(3, total.GetProperty("received").GetInt32());
        Assert.Equal(2, total.GetProperty("settled").GetInt32());
        Assert.Equal(1, total.GetProperty("late").GetInt32());
        Assert.Equal(1, total.GetProperty("lateWorkingDays").GetInt32());
        Assert.Equal(1, total.GetProperty("pending").GetInt32());
        Assert.Equal((1, 3), Rate(total, "online"));
        Assert.Equal((1, 2), Rate(total, "onTime"));
        Assert.Equal((1, 2), Rate(total, "digitised"));
        Assert.Equal((1, 3), Rate(total, "reused"));
        Assert.Equal((1, 2), Rate(total, "cashless"));
        Assert.Equal((1, 1), Rate(total, "satisfied"));
        var rows = document.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([CommuneA, CommuneB], rows.Select(r => r.GetProperty("key").GetString()));
        Assert.Equal(2, rows[0].GetProperty("report").GetProperty("received").GetInt32());
        Assert.Equal(5, document.RootElement.GetProperty("weekly").GetArrayLength()); // weeks from Mon 31/8 to Mon 28/9
    }

    [Fact]
    public async Task Report_Csv_OpensWithTheSameNumbers()
    {
        using var admin = _hub.AdminHttp();

        using var response = await admin.GetAsync(new Uri("/api/reports?from=2026-09-01&to=2026-09-30&format=csv", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var header = lines[0].Split(',');
        var total = lines[^1].Split(',');
        Assert.Equal("Tổng cộng", total[0]);
        Assert.Equal("3", total[Array.IndexOf(header, "Tiếp nhận")]);
        Assert.Equal("50", total[Array.IndexOf(header, "Đúng hạn %")]);
        Assert.Equal("33.3", total[Array.IndexOf(header, "Trực tuyến %")]);
    }

    [Fact]
    public async Task Report_Xlsx_CellsReadBackFromTheWorkbookXml()
    {
        using var admin = _hub.AdminHttp();

        var bytes = await admin.GetByteArrayAsync(new Uri("/api/reports?from=2026-09-01&to=2026-09-30&by=commune&format=xlsx&lang=en", UriKind.Relative));

        // Read the sheet as plain SpreadsheetML from the zip, independent of the library that wrote it.
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var rows = XDocument.Load(sheet.Open()).Descendants(ns + "row")
            .Select(row => row.Elements(ns + "c").Select(c => (string?)c.Element(ns + "v") ?? string.Concat(c.Descendants(ns + "t").Select(t => t.Value))).ToList())
            .ToList();
        var received = rows[0].IndexOf("Received");
        var late = rows[0].IndexOf("Working days late");

        Assert.Equal(["Commune", CommuneA, CommuneB, "Total"], rows.Select(r => r[0]));
        Assert.Equal(["2", "1", "3"], rows.Skip(1).Select(r => r[received]));
        Assert.Equal("1", rows[1][late]);
    }

    [Theory]
    [InlineData("from=2026-13-01", "Invalid start date")]
    [InlineData("from=2026-09-30&to=2026-09-01", "before the start date")]
    [InlineData("from=2025-01-01&to=2026-12-31", "at most 366 days")]
    [InlineData("by=mood", "Cannot group by 'mood'")]
    [InlineData("commune=%27%20OR%201%3D1", "Invalid commune code")]
    [InlineData("format=pdf", "not supported")]
    public async Task Report_BadQuery_ClearErrorAndNothingChanged(string queryString, string expected)
    {
        using var admin = _hub.AdminHttp();
        var before = await _hub.Store.CountAsync(RecordTypes.Dossier);

        using var response = await admin.GetAsync(new Uri("/api/reports?" + queryString, UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, body.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await _hub.Store.CountAsync(RecordTypes.Dossier));
    }

    [Fact]
    public async Task Report_WithoutAdminKey_Unauthorized()
    {
        using var anonymous = new HttpClient { BaseAddress = _hub.HttpAddress };

        using var response = await anonymous.GetAsync(new Uri("/api/reports", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static (int, int) Rate(JsonElement report, string name)
    {
        var rate = report.GetProperty(name);
        return (rate.GetProperty("numerator").GetInt32(), rate.GetProperty("denominator").GetInt32());
    }
}
