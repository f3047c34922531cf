using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Catalogue;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Dossiers;
using OneStop.Core.Forms;
using OneStop.Edge.Catalogue;
using OneStop.Edge.Clock;
using OneStop.Edge.Devices;
using OneStop.Edge.Dossiers;
using OneStop.Edge.Nodes;
using OneStop.Edge.Store;
using OneStop.Edge.Sync;
using OneStop.Edge.Ui;
using OneStop.Hardware;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Edge.Tests;

/// <summary>A dossier keeps the form schema version it was filed under when the province publishes a changed schema.</summary>
public sealed class FormSchemaVersionAtDeskTests : IAsyncLifetime
{
    private const string Code = "thu.phienban";
    private const string FirstForm = """[{"key":"reason","label_vi":"Lý do","label_en":"Reason","type":"text","required":true}]""";
    private const string SecondForm = """[{"key":"reason","label_vi":"Lý do","label_en":"Reason","type":"text","required":true},{"key":"phone","label_vi":"Số điện thoại","label_en":"Phone","type":"text","required":true}]""";
    private readonly TempStore _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
    private EdgeStore _store = null!;
    private DossierService _service = null!;
    private ClockWatch _watch = null!;

    public async Task InitializeAsync()
    {
        _store = await _temp.OpenAsync(_time);
        var options = Options.Create(new EdgeOptions { NodeId = _temp.NodeId, CommuneCode = "03006" });
        var catalogue = JsonSerializer.Serialize(new { procedures = new[] { new { code = Code, name_vi = "Thủ tục thử", name_en = "Test procedure", processing_time = new { working_days = 3 }, form = JsonDocument.Parse(FirstForm).RootElement } } });
        await _store.SeedReferenceAsync(CatalogueRecords.SeedEntries(catalogue, "seed"));
        _watch = new ClockWatch(_store, new SyncStatus(), new DeviceHealthBoard(), Options.Create(new ClockWatchOptions()), Options.Create(new SyncOptions()), Options.Create(new HardwareOptions()), _time, NullLogger<ClockWatch>.Instance);
        _service = new DossierService(_store, new CatalogueService(_store), new CatalogueOptionLists(options), options, _time, new LegalClock(_watch, _time));
    }

    public Task DisposeAsync()
    {
        _watch.Dispose();
        _temp.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ReceiveAsync_DraftFiledUnderOldSchemaAfterANewOneArrives_ValidatedUnderItsOwnAndReceived()
    {
        var draft = await _service.CreateAsync(new DossierDraft(Code, "Lò Văn Pó", new Dictionary<string, string> { ["reason"] = "Xin xác nhận" }, AsDraft: true));
        Assert.Equal(1, DossierService.FiledUnder((await _store.GetAsync(draft.Id))!));

        await PullPublicationAsync(SecondForm);
        var received = await _service.ReceiveAsync(draft.Id, "chi.lan");

        Assert.Equal("received", received.Status);
        var stored = (await _store.GetAsync(draft.Id))!;
        Assert.Equal(1, DossierService.FiledUnder(stored));
        Assert.Equal("Xin xác nhận", JsonSerializer.Deserialize<string>(stored.GetJson(DossierFields.FormPrefix + "reason")!));
        var procedure = (await new CatalogueService(_store).FindAsync(Code))!;
        Assert.Equal(["reason"], FormSchemaParser.Parse(FormSchemaVersions.FormJsonFor(procedure, 1)).Fields.Select(f => f.Key));
    }

    [Fact]
    public async Task CreateAsync_AfterANewSchemaArrives_RecordsItsVersionAndRequiresItsNewField()
    {
        await PullPublicationAsync(SecondForm);

        var refused = await Assert.ThrowsAsync<IntakeException>(() => _service.CreateAsync(new DossierDraft(Code, "Lò Văn Pó", new Dictionary<string, string> { ["reason"] = "Xin xác nhận" })));
        var filed = await _service.CreateAsync(new DossierDraft(Code, "Lò Văn Pó", new Dictionary<string, string> { ["reason"] = "Xin xác nhận", ["phone"] = "0912345678" }));

        Assert.Contains(refused.Errors, e => e.FieldKey == "phone");
        Assert.Equal(2, DossierService.FiledUnder((await _store.GetAsync(filed.Id))!));
    }

    [Fact]
    public async Task GetDossierAsyncAndFindFormAsync_FiledUnderV1ThenV2DropsAndAddsAField_DeskShowsV1AndNewFilingsTakeV2()
    {
        const string PhoneOnly = """[{"key":"phone","label_vi":"Số điện thoại","label_en":"Phone","type":"text","required":true}]""";
        var desk = Desk();
        var filed = await desk.FileAsync(new DossierFiling(Code, "Lò Văn Pó", new Dictionary<string, string?> { ["reason"] = "Xin xác nhận" }, Receive: true));

        await PullPublicationAsync(PhoneOnly);
        var shown = (await desk.GetDossierAsync(filed.Id))!;
        var oldForm = (await desk.FindFormAsync(Code, shown.FormVersion))!;
        var newFiling = await desk.FileAsync(new DossierFiling(Code, "Lò Thị Dung", new Dictionary<string, string?> { ["phone"] = "0912345678" }, Receive: true));

        Assert.Equal(1, shown.FormVersion);
        Assert.Equal(["reason"], oldForm.Fields.Select(f => f.Key));
        Assert.Equal("Xin xác nhận", shown.Answers["reason"]);
        Assert.Equal(["phone"], (await desk.FindFormAsync(Code))!.Fields.Select(f => f.Key));
        Assert.Equal(2, (await desk.GetDossierAsync(newFiling.Id))!.FormVersion);
    }

    private EdgeIntakeDesk Desk()
    {
        var options = Options.Create(new EdgeOptions { NodeId = _temp.NodeId, CommuneCode = "03006" });
        var settings = new EdgeNodeSettings(_store, options, Options.Create(new EdgeUiOptions()), Options.Create(new SyncOptions()), Options.Create(new HardwareOptions()), _time);
        return new EdgeIntakeDesk(_service, new CatalogueService(_store), _store, new CatalogueOptionLists(options), new SignedInDeskUser("chi.lan", DeskRoles.Staff), options, Options.Create(new EdgeUiOptions()), _time, settings);
    }

    // As the sync agent applies the hub's write of the procedure: new schema, its number, the old one in the history.
    private async Task PullPublicationAsync(string formJson)
    {
        var record = (await _store.GetAsync(CatalogueRecords.RecordId(Code)))!;
        var publication = FormSchemaVersions.Publish(record.GetJson(CatalogueKeys.Form), null, null, formJson)!;
        var version = new HlcTimestamp(_time.GetUtcNow().ToUnixTimeMilliseconds(), 0, "hub");
        var entry = new ChangeEntry("hub", 1, record.Id, RecordTypes.Procedure, Scopes.Global,
        [
            FieldChange.Set(CatalogueKeys.Form, publication.FormJson, version, HlcTimestamp.Zero),
            FieldChange.Set(FormSchemaVersions.FormVersion, publication.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), version, HlcTimestamp.Zero),
            FieldChange.Set(FormSchemaVersions.FormHistory, publication.HistoryJson, version, HlcTimestamp.Zero),
        ]);
        await _store.ApplyPulledAsync([new HubLogEntry(1, entry)], 1);
    }
}
