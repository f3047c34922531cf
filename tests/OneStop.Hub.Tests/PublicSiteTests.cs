using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Core.Dossiers;
using OneStop.Core.Limits;
using OneStop.Core.Slips;
using OneStop.Hub.PublicSite;
using OneStop.Hub.Tests.Infrastructure;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests;

/// <summary>
/// The residents' public site on its own listener: what it shows with a code, with a code and a CCCD number, what it
/// accepts as an online filing, and what it refuses, with the stored data intact after each refusal.
/// </summary>
public sealed class PublicSiteTests : IAsyncLifetime
{
    private const string Cccd = "002078990001";
    private HubTestHost _hub = null!;
    private HttpClient _site = null!;
    private HttpClientHandler _handler = null!;

    public async Task InitializeAsync()
    {
        _hub = await StartAsync(new Dictionary<string, string?> { ["Hub:PublicRequestsPerMinute"] = "40" });
        _handler = new HttpClientHandler { AllowAutoRedirect = false };
        _site = new HttpClient(_handler) { BaseAddress = _hub.PublicAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _site.Dispose();
        _handler.Dispose();
        await _hub.DisposeAsync();
    }

    private static Dictionary<string, string> BirthAnswers() => new()
    {
        ["child.full_name"] = "Sùng Thị Mỷ",
        ["child.gender"] = "nu",
        ["child.date_of_birth"] = "2025-05-20",
        ["child.ethnicity"] = "Mông",
        ["child.nationality"] = "Việt Nam",
        ["child.place_of_birth"] = """{"commune_code":"00715","province_code":"08"}""",
        ["mother.full_name"] = "Giàng Thị Mai",
        ["mother.date_of_birth"] = "1981-09-02",
        ["mother.ethnicity"] = "Mông",
        ["mother.nationality"] = "Việt Nam",
        ["mother.id_number"] = "002181990002",
        ["mother.residence"] = """{"commune_code":"00715","province_code":"08"}""",
        ["requester.full_name"] = "Sùng Mí Chứ",
        ["requester.id_number"] = Cccd,
        ["requester.residence"] = """{"commune_code":"00715","province_code":"08"}""",
        ["requester.relationship"] = "cha",
    };

    private async Task<Guid> DossierInAsync(string commune, string status = "received")
    {
        var id = Guid.CreateVersion7();
        await _hub.Store.WriteAsHubAsync(id, RecordTypes.Dossier, commune, new Dictionary<string, string?>
        {
            [DossierFields.ProcedureCode] = "\"hotich.khaisinh\"",
            [DossierFields.ApplicantName] = "\"Sùng Mí Chứ\"",
            [DossierFields.Status] = JsonSerializer.Serialize(status),
            [DossierFields.FormPrefix + "requester.id_number"] = JsonSerializer.Serialize(Cccd),
        });
        return id;
    }

    private async Task<HttpResponseMessage> FileAsync(string commune, string cccd)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(commune), "commune" },
            { new StringContent("Sùng Mí Chứ"), "applicant_name" },
            { new StringContent(cccd), "filer_cccd" },
        };
        foreach (var (key, value) in BirthAnswers())
        {
            form.Add(new StringContent(value), "a:" + key);
        }

        var pdf = new ByteArrayContent("%PDF-1.4 giấy chứng sinh"u8.ToArray());
        pdf.Headers.ContentType = new("application/pdf");
        form.Add(pdf, "files", "giay-chung-sinh.pdf");
        return await _site.PostAsync(new Uri("/file/hotich.khaisinh", UriKind.Relative), form);
    }

    private async Task<HttpResponseMessage> LookupAsync(string commune, Guid id, string cccd) =>
        await _site.PostAsync(new Uri("/lookup", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["commune"] = commune, ["code"] = id.ToString("N"), ["cccd"] = cccd }));

    [Fact]
    public async Task Lookup_OtherCommunesDossierByCodeAndCccd_RefusedAndStoredDataIntact()
    {
        var id = await DossierInAsync(CommuneB);
        var before = JsonSerializer.Serialize((await _hub.Store.GetAsync(id))!.Fields);

        using var wrongCommune = await LookupAsync(CommuneA, id, Cccd);
        using var wrongCccd = await LookupAsync(CommuneB, id, "002999990002");
        using var refusedPage = await _site.GetAsync(wrongCommune.Headers.Location);
        using var rightOne = await LookupAsync(CommuneB, id, Cccd);
        var detail = await _site.GetStringAsync(rightOne.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, wrongCommune.StatusCode);
        Assert.Equal("/?message=nomatch", wrongCommune.Headers.Location!.OriginalString);
        Assert.Equal("/?message=nomatch", wrongCccd.Headers.Location!.OriginalString);
        Assert.Contains("không khớp với hồ sơ nào", await refusedPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith($"/ho-so/{id:N}?pass=", rightOne.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Sùng Mí Chứ", detail, StringComparison.Ordinal);
        Assert.Equal(before, JsonSerializer.Serialize((await _hub.Store.GetAsync(id))!.Fields));
    }

    [Fact]
    public async Task DetailPage_PassForAnotherDossier_RedirectedAway()
    {
        var mine = await DossierInAsync(CommuneA);
        var theirs = await DossierInAsync(CommuneB);
        using var lookup = await LookupAsync(CommuneA, mine, Cccd);
        var pass = lookup.Headers.Location!.OriginalString.Split("pass=")[1];

        using var forged = await _site.GetAsync(new Uri($"/ho-so/{theirs:N}?pass={pass}", UriKind.Relative));
        using var download = await _site.GetAsync(new Uri($"/ho-so/{theirs:N}/ket-qua?pass={pass}", UriKind.Relative));

        Assert.Equal("/?message=expired", forged.Headers.Location!.OriginalString);
        Assert.Equal("/?message=noresult", download.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task FileOnline_ValidBirthForm_StoredAsOnlineDraftOfTheChosenCommuneWithItsAttachment()
    {
        using var response = await FileAsync(CommuneA, Cccd);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var code = response.Headers.Location!.OriginalString["/filed/".Length..];
        var id = Assert.Single(await _hub.Store.FindDossiersByPublicCodeAsync(code, 2));
        Assert.Equal(JsonSerializer.Serialize(code), (await _hub.Store.GetAsync(id))!.GetJson(PublicCode.Field));
        var dossier = (await _hub.Store.GetAsync(id))!;
        Assert.Equal(CommuneA, dossier.Scope);
        Assert.Equal("\"online\"", dossier.GetJson(DossierFields.Channel));
        Assert.Equal("\"draft\"", dossier.GetJson(DossierFields.Status));
        Assert.Equal(JsonSerializer.Serialize("Sùng Thị Mỷ"), dossier.GetJson("form.child.full_name"));
        var attachments = await _hub.Store.ListAsync(RecordTypes.Attachment, CommuneA, 100);
        var attachment = Assert.Single(attachments);
        Assert.Contains(id.ToString(), attachment.DataJson, StringComparison.Ordinal);
        var sha = Convert.ToHexStringLower(SHA256.HashData("%PDF-1.4 giấy chứng sinh"u8));
        Assert.NotNull(await _hub.Attachments.ReadCompleteAsync(sha));
        var status = await _site.GetStringAsync(new Uri($"/status/{id:N}", UriKind.Relative));
        Assert.Contains("Đã nộp trực tuyến, chờ kiểm tra", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileOnline_OverTheDailyLimitForOneCccd_RefusedInVietnameseAndNothingMoreStored()
    {
        for (var i = 0; i < PublicSiteLimits.FilingsPerCccdPerDay; i++)
        {
            using var accepted = await FileAsync(i % 2 == 0 ? CommuneA : CommuneB, Cccd);
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        using var refused = await FileAsync(CommuneA, Cccd);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains($"chỉ nộp được {PublicSiteLimits.FilingsPerCccdPerDay} hồ sơ trực tuyến mỗi ngày", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = (await _hub.Store.ListAsync(RecordTypes.Dossier, CommuneA, 100)).Count + (await _hub.Store.ListAsync(RecordTypes.Dossier, CommuneB, 100)).Count;
        Assert.Equal(PublicSiteLimits.FilingsPerCccdPerDay, stored);
    }

    [Fact]
    public async Task FileOnline_OverTheDailyLimit_EveryStoredRecordBlobAndLogEntryUnchanged()
    {
        for (var i = 0; i < PublicSiteLimits.FilingsPerCccdPerDay; i++)
        {
            using var accepted = await FileAsync(i % 2 == 0 ? CommuneA : CommuneB, Cccd);
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var before = await SnapshotAsync();

        // Another commune, another form answer: the limit is the person's, whatever else differs.
        using var refused = await FileAsync(CommuneB, Cccd);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
        using var otherPerson = await FileAsync(CommuneB, "002088990003");
        Assert.Equal(HttpStatusCode.Redirect, otherPerson.StatusCode);
    }

    // Every dossier and attachment of both communes, as stored, and the head of the hub's log.
    private async Task<string> SnapshotAsync()
    {
        var records = new List<string>();
        foreach (var type in new[] { RecordTypes.Dossier, RecordTypes.Attachment })
        {
            foreach (var commune in new[] { CommuneA, CommuneB })
            {
                records.AddRange((await _hub.Store.ListAsync(type, commune, 1_000)).Select(r => $"{r.Id} {r.Scope} {r.DataJson}"));
            }
        }

        return string.Join('\n', records.Order(StringComparer.Ordinal)) + "\nlog head " + await _hub.Store.ReadLogHeadAsync();
    }

    [Fact]
    public async Task FileOnline_CommuneTheHubDoesNotServe_RefusedAndNothingStored()
    {
        using var refused = await FileAsync("99999", Cccd);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("chưa nhận hồ sơ trực tuyến", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await _hub.Store.ListAsync(RecordTypes.Dossier, "99999", 100));
        Assert.Empty(await _hub.Store.ListAsync(RecordTypes.Attachment, "99999", 100));
    }

    [Fact]
    public async Task Feedback_TwiceForOneDossier_SecondRefusedAndTheOneRecordKept()
    {
        var id = await DossierInAsync(CommuneA);
        var rating = (string value) => new FormUrlEncodedContent(new Dictionary<string, string> { ["rating"] = value, ["comment"] = "Nhanh" });

        using var first = await _site.PostAsync(new Uri($"/feedback/{id:N}", UriKind.Relative), rating("5"));
        using var second = await _site.PostAsync(new Uri($"/feedback/{id:N}", UriKind.Relative), rating("1"));

        Assert.Equal($"/status/{id:N}?feedback=saved", first.Headers.Location!.OriginalString);
        Assert.Equal($"/status/{id:N}?feedback=already", second.Headers.Location!.OriginalString);
        var feedback = (await _hub.Store.GetAsync(ResidentFeedbackIds.For(id)))!;
        Assert.Equal(RecordTypes.Feedback, feedback.Type);
        Assert.Equal(CommuneA, feedback.Scope);
        Assert.Equal("5", feedback.GetJson("rating"));
    }

    [Fact]
    public async Task Verify_ResultSignedByANodeWhoseKeyTheHubHolds_ValidAndTamperedBad()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await _hub.Store.WriteAsHubAsync(SigningKeyRecord.IdFor(NodeA), SigningKeyRecord.Type, CommuneA, new Dictionary<string, string?>
        {
            [SigningKeyRecord.NodeId] = JsonSerializer.Serialize(NodeA),
            [SigningKeyRecord.PublicKey] = JsonSerializer.Serialize(Convert.ToBase64String(key.ExportSubjectPublicKeyInfo())),
        });
        var claim = new ResultClaim(Guid.CreateVersion7(), CommuneA, NodeA, Convert.ToHexStringLower(SHA256.HashData("kết quả"u8)));
        var signature = key.SignData(ResultSeal.CanonicalBytes(claim), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var genuine = ResultSeal.Encode(claim, signature);
        var tampered = ResultSeal.Encode(claim with { DocumentSha256 = new string('a', 64) }, signature);

        var valid = await _site.GetStringAsync(new Uri($"/verify?code={Uri.EscapeDataString(genuine)}", UriKind.Relative));
        var bad = await _site.GetStringAsync(new Uri($"/verify?code={Uri.EscapeDataString(tampered)}", UriKind.Relative));

        Assert.Contains("data-check=\"result-valid\"", valid, StringComparison.Ordinal);
        Assert.Contains(claim.DocumentSha256, valid, StringComparison.Ordinal);
        Assert.Contains("data-check=\"bad-signature\"", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicSite_OnlyOnItsOwnListener_AndConsoleNotOnIt()
    {
        using var admin = new HttpClient { BaseAddress = _hub.HttpAddress };

        using var fileOnAdmin = await admin.GetAsync(new Uri("/file", UriKind.Relative));
        using var signinOnPublic = await _site.GetAsync(new Uri("/signin", UriKind.Relative));
        using var apiOnPublic = await _site.GetAsync(new Uri("/api/healthz", UriKind.Relative));
        var home = await _site.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, fileOnAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, signinOnPublic.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, apiOnPublic.StatusCode);
        Assert.Contains("Tra cứu và nộp hồ sơ", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicSite_FloodFromOneAddress_RefusedWith429InVietnamese()
    {
        // Twice the limit and one: even if a window boundary falls inside the run, one window sees more than the limit.
        var served = 0;
        string? refusal = null;
        for (var i = 0; i <= 80 && refusal is null; i++)
        {
            using var response = await _site.GetAsync(new Uri("/verify", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refusal = await response.Content.ReadAsStringAsync();
            }
            else
            {
                served++;
            }
        }

        Assert.Equal(PublicSiteExtensions.RateLimitedMessage, refusal);
        Assert.InRange(served, 40, 80);
    }
}
