using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OneStop.EndToEnd.Tests.Oracles;
using StbImageSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace OneStop.EndToEnd.Tests;

/// <summary>
/// Issue 16 item 7: what the desk prints, checked against oracles that share no code with the product. The node's
/// clock is set (libfaketime, absolute) to days whose answers are known: a Tuesday morning and a Friday after the
/// 15:00 cut-off, in a window without public holidays; the due date is then computed by a naive day-by-day rule from
/// procedures.json's text, and the VietQR image is decoded (ZXing) and read against the EMVCo spec.
/// </summary>
public sealed class DeskOracleTests
{
    private const string BankBin = "970405";
    private const string BankAccount = "1234567890123";

    private static readonly Dictionary<string, string> SignatureAnswers = new()
    {
        ["document.title"] = "Giấy ủy quyền nhận trợ cấp",
        ["document.kind"] = "giay_uy_quyen",
        ["signers.count"] = "1",
        ["signer.full_name"] = "Lý Văn Sử",
        ["signer.id_number"] = "010078012345",
        ["signer.date_of_birth"] = "1978-06-15",
    };

    [Fact]
    public async Task DeskDetail_SameDayProcedureBeforeAndAfterCutoff_DueDateAndVietQrMatchIndependentOracles()
    {
        var offsetFile = Path.Combine(Directory.CreateTempSubdirectory("onestop-faketime-").FullName, "offset");

        // 02:00 UTC is 09:00 in Vietnam, Tuesday 10 June 2025.
        var settings = FakeClock.FromFile(offsetFile, "@2025-06-10 02:00:00");
        settings["TZ"] = "UTC";
        settings["Edge:Ui:BankBin"] = BankBin;
        settings["Edge:Ui:BankAccount"] = BankAccount;
        settings["Edge:Ui:BankAccountName"] = "UBND XA SA PA";
        foreach (var (key, value) in DeskHttp.StaffAccount())
        {
            settings[key] = value;
        }

        await using var cluster = new SyncCluster(edgeSettings: settings);
        await cluster.StartEdgeAsync();
        var edge = cluster.Edge;

        var morning = await ReceiveAsync(edge);
        Assert.Equal(new DateOnly(2025, 6, 10), VietnamDay(morning.ReceivedAt));
        var morningPage = await DeskHttp.PageAsync(edge.Api, $"/dossiers/{morning.Id}", "due-date");
        Assert.Equal(NaiveWorkingDays.SameDayDue(morning.ReceivedAt), ShownDate(DeskHttp.TestIdText(morningPage, "due-date")));
        AssertVietQr(morningPage, ExpectedFee("chungthuc.chuky"));

        // 09:00 UTC is 16:00 in Vietnam, Friday 13 June 2025: past the cut-off, due the next working day.
        await File.WriteAllTextAsync(offsetFile, "@2025-06-13 09:00:00\n");
        await Eventually.WaitForAsync(
            () => edge.GetJsonAsync("/api/status"),
            s => s.GetProperty("clock").GetProperty("bestEstimate").GetDateTimeOffset() >= new DateTimeOffset(2025, 6, 13, 0, 0, 0, TimeSpan.Zero),
            TimeSpan.FromSeconds(30),
            () => edge.Process?.Output ?? string.Empty);
        var evening = await ReceiveAsync(edge);
        Assert.Equal(new DateOnly(2025, 6, 13), VietnamDay(evening.ReceivedAt));
        Assert.True(TimeOnly.FromDateTime(evening.ReceivedAt.ToOffset(TimeSpan.FromHours(7)).DateTime) > new TimeOnly(15, 0));
        var eveningPage = await DeskHttp.PageAsync(edge.Api, $"/dossiers/{evening.Id}", "due-date");
        Assert.Equal(NaiveWorkingDays.SameDayDue(evening.ReceivedAt), ShownDate(DeskHttp.TestIdText(eveningPage, "due-date")));
        var slip = await DeskHttp.PageAsync(edge.Api, $"/dossiers/{evening.Id}/slip", "slip-due");
        Assert.Equal(NaiveWorkingDays.SameDayDue(evening.ReceivedAt), ShownDate(DeskHttp.TestIdText(slip, "slip-due")));
    }

    [Fact]
    public void Crc_CheckValue_MatchesCrc16CcittFalse()
    {
        // The catalogue of parametrised CRC algorithms gives 29B1h for "123456789": the oracle itself is right.
        Assert.Equal(0x29B1, EmvQrOracle.Crc("123456789"));
    }

    private static void AssertVietQr(string page, long expectedAmount)
    {
        var src = Regex.Match(page, "data-testid=\"vietqr\"[^>]*src=\"data:image/png;base64,([^\"]+)\"|src=\"data:image/png;base64,([^\"]+)\"[^>]*data-testid=\"vietqr\"");
        Assert.True(src.Success, "no VietQR image on the page");
        var png = Convert.FromBase64String(System.Net.WebUtility.HtmlDecode(src.Groups[1].Success ? src.Groups[1].Value : src.Groups[2].Value));
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlueAlpha);
        var luminance = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        // The page's image is a clean rendering, not a photo: ZXing's finder-pattern search misses about 1 in 70 of
        // them (28 of 2,000 random VietQR payloads rendered by the product's QrImages), its pure-barcode path none.
        var pure = new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true };
        var payload = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(luminance)), pure)?.Text;
        Assert.False(string.IsNullOrEmpty(payload), "the VietQR image does not decode");

        var fields = EmvQrOracle.Fields(payload);
        Assert.Equal(expectedAmount.ToString(CultureInfo.InvariantCulture), fields["54"]);
        Assert.Equal("704", fields["53"]);
        var merchant = EmvQrOracle.Fields(fields["38"]);
        Assert.Equal("A000000727", merchant["00"]);
        var beneficiary = EmvQrOracle.Fields(merchant["01"]);
        Assert.Equal(BankBin, beneficiary["00"]);
        Assert.Equal(BankAccount, beneficiary["01"]);
        Assert.EndsWith("6304" + fields["63"], payload, StringComparison.Ordinal);
        Assert.Equal(EmvQrOracle.Crc(payload[..^4]).ToString("X4", CultureInfo.InvariantCulture), fields["63"]);
    }

    private static async Task<(Guid Id, DateTimeOffset ReceivedAt)> ReceiveAsync(EdgeNode edge)
    {
        using var response = await edge.Http.PostAsJsonAsync(edge.Api("/api/dossiers"), new { procedureCode = "chungthuc.chuky", applicantName = "Lý Văn Sử", form = SignatureAnswers });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var dossier = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (dossier.GetProperty("id").GetGuid(), DateTimeOffset.Parse(dossier.GetProperty("receivedAt").GetString()!, CultureInfo.InvariantCulture));
    }

    /// <summary>The fee as the catalogue states it (procedures.json), not as the product's fee calculator computes it.</summary>
    private static long ExpectedFee(string code)
    {
        using var catalogue = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "core", "data", "procedures.json")));
        var procedure = catalogue.RootElement.GetProperty("procedures").EnumerateArray().Single(p => p.GetProperty("code").GetString() == code);
        return procedure.GetProperty("fees").EnumerateArray().Sum(f => f.GetProperty("amount_vnd").GetInt64());
    }

    private static DateOnly VietnamDay(DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToOffset(TimeSpan.FromHours(7)).DateTime);

    private static DateOnly ShownDate(string text) => DateOnly.ParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture);
}
