using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneStop.Core.Catalogue;
using OneStop.Core.Dossiers;
using OneStop.Core.Statistics;
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

/// <summary>
/// The facts the province's rates need are written at the desk when they happen (docs/statistics.md): reuse of the
/// ID card's data, a waived fee, and the moment a dossier was decided by the node's legal clock, not its wall clock.
/// </summary>
public sealed class DossierFactsAtDeskTests : IAsyncLifetime
{
    private const string Commune = "03006";
    private readonly TempStore _temp = new();
    private readonly WallClock _time = new() { Now = new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero) };
    private EdgeStore _store = null!;
    private IOptions<EdgeOptions> _options = null!;
    private DossierService _service = null!;
    private ClockWatch _watch = null!;

    public async Task InitializeAsync()
    {
        _store = await _temp.OpenAsync(_time);
        _options = Options.Create(new EdgeOptions { NodeId = _temp.NodeId, CommuneCode = Commune });
        await _store.SeedReferenceAsync(CatalogueRecords.SeedEntries(await File.ReadAllTextAsync(_options.Value.CatalogueFile), "seed"));
        _watch = new ClockWatch(_store, new SyncStatus(), new DeviceHealthBoard(), Options.Create(new ClockWatchOptions()), Options.Create(new SyncOptions()), Options.Create(new HardwareOptions()), _time, NullLogger<ClockWatch>.Instance);
        _service = new DossierService(_store, new CatalogueService(_store), new CatalogueOptionLists(_options), _options, _time, new LegalClock(_watch, _time));
    }

    public Task DisposeAsync()
    {
        _watch.Dispose();
        _temp.Dispose();
        return Task.CompletedTask;
    }

    private static Dictionary<string, string> BirthAnswers(string childBorn) => new()
    {
        ["child.full_name"] = "Sùng Thị Mỷ",
        ["child.gender"] = "nu",
        ["child.date_of_birth"] = childBorn,
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
        ["requester.id_number"] = "002078990001",
        ["requester.residence"] = """{"commune_code":"00715","province_code":"08"}""",
        ["requester.relationship"] = "cha",
    };

    private async Task<DossierFacts> FactsAsync(Guid id)
    {
        var record = (await _store.GetAsync(id))!;
        return DossierFactsReader.Read(Commune, record.CurrentFields.Where(f => f.Json is not null && !f.Deleted).Select(f => KeyValuePair.Create(f.Name, f.Json!)));
    }

    private EdgeIntakeDesk Desk(string role)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "chi.lan"), new Claim(ClaimTypes.Role, role)], "test"));
        var settings = new EdgeNodeSettings(_store, _options, Options.Create(new EdgeUiOptions()), Options.Create(new SyncOptions()), Options.Create(new HardwareOptions()), _time);
        return new EdgeIntakeDesk(_service, new CatalogueService(_store), _store, new CatalogueOptionLists(_options), new FixedUser(user), _options, Options.Create(new EdgeUiOptions()), _time, settings);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FileAsync_PrefilledFromCard_RecordsDataReusedOnlyThen(bool prefilled)
    {
        var dossier = await Desk(DeskRoles.Staff).FileAsync(new DossierFiling("hotich.khaisinh", "Sùng Mí Chứ", BirthAnswers("2025-05-20").ToDictionary(p => p.Key, p => (string?)p.Value), Receive: true) { DataReused = prefilled });

        Assert.Equal(prefilled, (await FactsAsync(dossier.Id)).DataReused);
        Assert.Equal(prefilled, (await _store.GetAsync(dossier.Id))!.GetJson(DossierFields.DataReused) == "true");
    }

    [Fact]
    public async Task CollectFeeAsync_BirthRegisteredOnTime_RecordsFeeExempt()
    {
        // Born ten days before receipt: within the 60-day deadline, so the Law on Civil Status waives the fee.
        var desk = Desk(DeskRoles.Staff);
        var onTime = await desk.FileAsync(new DossierFiling("hotich.khaisinh", "Sùng Mí Chứ", BirthAnswers("2026-11-20").ToDictionary(p => p.Key, p => (string?)p.Value), Receive: true));
        var late = await desk.FileAsync(new DossierFiling("hotich.khaisinh", "Sùng Mí Chứ", BirthAnswers("2025-05-20").ToDictionary(p => p.Key, p => (string?)p.Value), Receive: true));

        await desk.CollectFeeAsync(onTime.Id, PaymentMethod.Cash);
        await desk.CollectFeeAsync(late.Id, PaymentMethod.Cash);

        Assert.Equal(FeeSettlement.Exempt, (await FactsAsync(onTime.Id)).Fee);
        Assert.Equal(FeeSettlement.Cash, (await FactsAsync(late.Id)).Fee);
    }

    [Fact]
    public async Task ChangeStatusAsync_WallClockFellBackTwoDays_ClosedAtIsTheConfirmedDateNotTheWallClock()
    {
        var dossier = await _service.CreateAsync(new DossierDraft("hotich.khaisinh", "Sùng Mí Chứ", BirthAnswers("2025-05-20")));
        await _service.ChangeStatusAsync(dossier.Id, DossierStatus.Processing, "chi.lan");
        // A power cut without a clock module: the box wakes two days in the past; the clerk confirms the real date.
        _time.Now = _time.Now.AddDays(-2);
        var confirmed = new DateOnly(2026, 11, 30);

        await _service.ChangeStatusAsync(dossier.Id, DossierStatus.Approved, "chi.lan", reason: null, confirmedDate: confirmed);

        Assert.Equal(confirmed, (await FactsAsync(dossier.Id)).ClosedOn);
    }

    /// <summary>A wall clock that can be set back, as a Raspberry Pi's is after a power cut (FakeTimeProvider refuses to).</summary>
    private sealed class WallClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class FixedUser(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
