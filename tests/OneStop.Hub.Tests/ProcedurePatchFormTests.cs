using System.Net;
using System.Text;
using System.Text.Json;
using OneStop.Core.Catalogue;
using OneStop.Hub.Tests.Infrastructure;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests;

/// <summary>PATCH /api/procedures/{code} may change a form only as a new version, never by overwriting the one dossiers were filed under.</summary>
public sealed class ProcedurePatchFormTests : IAsyncLifetime
{
    private const string Code = "chungthuc.bansao";
    private const string NewForm = """[{"key":"reason","label_vi":"Lý do","label_en":"Reason","type":"text","required":true}]""";

    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task PatchProcedure_WithForm_PublishesVersionTwoKeepingTheOldSchemaAndChangesTheOtherFields()
    {
        var before = (await _hub.Store.GetAsync(CatalogueRecords.RecordId(Code)))!.GetJson(CatalogueKeys.Form)!;
        using var http = _hub.AdminHttp();

        var response = await PatchAsync(http, $$"""{"form":{{NewForm}},"name_vi":"Chứng thực bản sao (mới)"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = (await _hub.Store.GetAsync(CatalogueRecords.RecordId(Code)))!;
        Assert.Equal("2", record.GetJson(FormSchemaVersions.FormVersion));
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(NewForm).RootElement, JsonDocument.Parse(record.GetJson(CatalogueKeys.Form)!).RootElement));
        using var history = JsonDocument.Parse(record.GetJson(FormSchemaVersions.FormHistory)!);
        var kept = Assert.Single(FormSchemaVersions.ParseHistory(history.RootElement));
        Assert.Equal(1, kept.Version);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(before).RootElement, JsonDocument.Parse(kept.FormJson).RootElement));
        Assert.Equal("\"Chứng thực bản sao (mới)\"", record.GetJson(CatalogueKeys.NameVi));
    }

    [Theory]
    [InlineData("""{"form_version":7}""")]
    [InlineData("""{"form_history":[]}""")]
    [InlineData("""{"form":{"not":"an array"}}""")]
    [InlineData("""{"form":[{"key":"a","type":"colour"}]}""")]
    public async Task PatchProcedure_VersionFieldsOrBrokenForm_RefusedAndNothingWritten(string body)
    {
        var before = (await _hub.Store.GetAsync(CatalogueRecords.RecordId(Code)))!;
        using var http = _hub.AdminHttp();

        var response = await PatchAsync(http, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var after = (await _hub.Store.GetAsync(CatalogueRecords.RecordId(Code)))!;
        Assert.Equal(before.GetJson(CatalogueKeys.Form), after.GetJson(CatalogueKeys.Form));
        Assert.Null(after.GetJson(FormSchemaVersions.FormVersion));
        Assert.Null(after.GetJson(FormSchemaVersions.FormHistory));
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient http, string body) =>
        http.PatchAsync($"/api/procedures/{Code}", new StringContent(body, Encoding.UTF8, "application/json"));
}
