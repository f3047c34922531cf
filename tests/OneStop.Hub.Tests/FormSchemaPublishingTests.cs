using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Core.Catalogue;
using OneStop.Hub.Tests.Infrastructure;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests;

/// <summary>Publishing a changed form schema through the admin API: a new version, the old schema kept for dossiers filed under it.</summary>
public sealed class FormSchemaPublishingTests : IAsyncLifetime
{
    private const string NewForm = """[{"key":"reason","label_vi":"Lý do","label_en":"Reason","type":"text","required":true}]""";

    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task PutForm_ChangedThenSameAgain_VersionTwoOnceAndTheOldSchemaInTheHistory()
    {
        var code = (await _hub.Store.ListAsync(Core.Changes.RecordTypes.Procedure, null, 1)).Select(r => JsonDocument.Parse(r.DataJson).RootElement.GetProperty("code").GetString()!).First();
        var before = (await _hub.Store.GetAsync(CatalogueRecords.RecordId(code)))!.GetJson(CatalogueKeys.Form);
        using var http = _hub.AdminHttp();

        var first = await http.PutAsync($"/api/procedures/{code}/form", new StringContent(NewForm, System.Text.Encoding.UTF8, "application/json"));
        var again = await http.PutAsync($"/api/procedures/{code}/form", new StringContent(NewForm, System.Text.Encoding.UTF8, "application/json"));
        var bad = await http.PutAsync($"/api/procedures/{code}/form", new StringContent("""{"not":"an array"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(2, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(2, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var record = (await _hub.Store.GetAsync(CatalogueRecords.RecordId(code)))!;
        using var history = JsonDocument.Parse(record.GetJson(FormSchemaVersions.FormHistory)!);
        var kept = Assert.Single(FormSchemaVersions.ParseHistory(history.RootElement));
        Assert.Equal(1, kept.Version);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(before!).RootElement, JsonDocument.Parse(kept.FormJson).RootElement));
        Assert.Equal("2", record.GetJson(FormSchemaVersions.FormVersion));
    }
}
