using System.Net;
using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Core.Dossiers;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.Storage;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests;

/// <summary>
/// The code on the slip at the public site: found by the hub's index however it is typed, refused in the same words
/// whatever is wrong with it, and told apart by a CCCD number in the rare case two communes drew the same code.
/// </summary>
public sealed class PublicCodeLookupTests : IAsyncLifetime
{
    private const string Cccd = "002078990001";
    private const string Procedure = "Đăng ký khai sinh";
    private HubTestHost _hub = null!;
    private HttpClient _site = null!;
    private HttpClientHandler _handler = null!;

    public async Task InitializeAsync()
    {
        _hub = await StartAsync();
        _handler = new HttpClientHandler { AllowAutoRedirect = false };
        _site = new HttpClient(_handler) { BaseAddress = _hub.PublicAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _site.Dispose();
        _handler.Dispose();
        await _hub.DisposeAsync();
    }

    private async Task<Guid> DossierAsync(string commune, string code, string applicant, string cccd = Cccd)
    {
        var id = Guid.CreateVersion7();
        await _hub.Store.WriteAsHubAsync(id, RecordTypes.Dossier, commune, new Dictionary<string, string?>
        {
            [DossierFields.ProcedureCode] = "\"hotich.khaisinh\"",
            [DossierFields.ApplicantName] = JsonSerializer.Serialize(applicant),
            [DossierFields.Status] = "\"received\"",
            [DossierFields.FormPrefix + "requester.id_number"] = JsonSerializer.Serialize(cccd),
            [PublicCode.Field] = JsonSerializer.Serialize(code),
        });
        return id;
    }

    private async Task<HttpResponseMessage> StatusAsync(string typed) =>
        await _site.GetAsync(new Uri($"/status?code={Uri.EscapeDataString(typed)}", UriKind.Relative));

    private async Task<string> FollowAsync(HttpResponseMessage redirect) => await _site.GetStringAsync(redirect.Headers.Location);

    [Fact]
    public async Task Status_PublicCodeTypedLowerCaseWithConfusables_ShowsThatDossier()
    {
        await DossierAsync(CommuneA, "7KQ2M9XD4TR1", "Sùng Mí Chứ");
        await DossierAsync(CommuneA, "7KQ2M9XD4TR2", "Giàng Thị Mai");

        using var typed = await StatusAsync("7kq2-m9xd-4tri");
        var page = await FollowAsync(typed);

        Assert.Equal("/status/7KQ2M9XD4TR1", typed.Headers.Location!.OriginalString);
        Assert.Contains("7KQ2-M9XD-4TR1", page, StringComparison.Ordinal);
        Assert.Contains(Procedure, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Sùng Mí Chứ", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WrongCode_RefusedInWordsThatRevealNothing()
    {
        await DossierAsync(CommuneA, "7KQ2M9XD4TR1", "Sùng Mí Chứ");

        using var unknown = await _site.GetAsync(new Uri("/status/7KQ2M9XD4TR2", UriKind.Relative));
        using var malformed = await _site.GetAsync(new Uri("/status/7KQ2M9XD4TRU", UriKind.Relative));
        using var typedMalformed = await StatusAsync("7KQ2-M9XD");
        var page = await FollowAsync(unknown);

        Assert.Equal("/?message=notfound", unknown.Headers.Location!.OriginalString);
        Assert.Equal(unknown.Headers.Location, malformed.Headers.Location);
        Assert.Equal(unknown.Headers.Location, typedMalformed.Headers.Location);
        Assert.Contains("Không tìm thấy hồ sơ với mã này", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Procedure, page, StringComparison.Ordinal);
        Assert.DoesNotContain("7KQ2", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_CodeTwoCommunesDrewAlike_RefusedAsSharedAndCodeWithCccdOpensEach()
    {
        const string Shared = "Z9Z9Z9Z9Z9Z9";
        var inA = await DossierAsync(CommuneA, Shared, "Sùng Mí Chứ");
        var inB = await DossierAsync(CommuneB, Shared, "Lò Văn Pả", "002088990003");

        using var status = await _site.GetAsync(new Uri($"/status/{Shared}", UriKind.Relative));
        var home = await FollowAsync(status);
        using var lookupA = await LookupAsync(CommuneA, Shared, Cccd);
        using var lookupB = await LookupAsync(CommuneB, Shared, "002088990003");

        Assert.Equal("/?message=shared", status.Headers.Location!.OriginalString);
        Assert.Contains("trùng với mã của một hồ sơ khác", home, StringComparison.Ordinal);
        Assert.StartsWith($"/ho-so/{inA:N}?pass=", lookupA.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.StartsWith($"/ho-so/{inB:N}?pass=", lookupB.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Lò Văn Pả", await FollowAsync(lookupB), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_OldDossierWithoutPublicCode_StillFoundByTheIdOnItsQr()
    {
        var id = Guid.CreateVersion7();
        await _hub.Store.WriteAsHubAsync(id, RecordTypes.Dossier, CommuneA, new Dictionary<string, string?>
        {
            [DossierFields.ProcedureCode] = "\"hotich.khaisinh\"",
            [DossierFields.Status] = "\"received\"",
        });

        using var response = await _site.GetAsync(new Uri($"/status/{id:N}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(id.ToString("N"), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicCodeQuery_OnTheHubsSqlite_ReadsTheIndexNotTheTable()
    {
        var id = await DossierAsync(CommuneA, "7KQ2M9XD4TR1", "Sùng Mí Chứ");

        var plan = await PlanAsync(DossierLookupIndexes.PublicCodeQuery(postgres: false), ("@code", "7KQ2M9XD4TR1"), ("@max", 2));

        Assert.Contains(plan, line => line.Contains("USING INDEX records_public_code", StringComparison.Ordinal));
        Assert.Equal([id], await _hub.Store.FindDossiersByPublicCodeAsync("7KQ2M9XD4TR1", 2));
    }

    [Fact]
    public async Task OnlineFilingsQuery_OnTheHubsSqlite_ReadsTheIndexNotTheTable()
    {
        var plan = await PlanAsync(DossierLookupIndexes.OnlineFilingsQuery(postgres: false), ("@cccd", Cccd), ("@from", "2026-11-30T17:00:00.0000000+00:00"), ("@to", "2026-12-01T17:00:00.0000000+00:00"));

        Assert.Contains(plan, line => line.Contains("USING INDEX records_online_filer", StringComparison.Ordinal));
    }

    private async Task<List<string>> PlanAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await _hub.Store.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }

        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }

    private async Task<HttpResponseMessage> LookupAsync(string commune, string code, string cccd) =>
        await _site.PostAsync(new Uri("/lookup", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["commune"] = commune, ["code"] = code, ["cccd"] = cccd }));
}
