using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Catalogue;
using OneStop.Core.Changes;
using OneStop.Core.Dossiers;
using OneStop.Edge.Catalogue;
using OneStop.Edge.Dossiers;
using OneStop.Edge.Store;
using OneStop.Edge.Ui;
using OneStop.Ui.Ports;

namespace OneStop.Edge.Tests;

/// <summary>The code on the slip is drawn at the node when the dossier is made, stored in it, and unique on the node.</summary>
public sealed class DossierPublicCodeTests : IAsyncLifetime
{
    private readonly TempStore _temp = new();

    // Frozen: every dossier below is made in the same millisecond, as two desks (or a script) can.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
    private readonly Queue<string> _draws = new();
    private IOptions<EdgeOptions> _options = null!;
    private EdgeStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await _temp.OpenAsync(_time);
        _options = Options.Create(new EdgeOptions { NodeId = _temp.NodeId, CommuneCode = "03006" });
        await _store.SeedReferenceAsync(CatalogueRecords.SeedEntries(await File.ReadAllTextAsync(_options.Value.CatalogueFile), "seed"));
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    private DossierService Service(bool scripted = false) =>
        new(_store, new CatalogueService(_store), new CatalogueOptionLists(_options), _options, _time, newCode: scripted ? _draws.Dequeue : null);

    // What the slip prints for a stored dossier: DeskDossier.Code over what the store holds.
    private async Task<string> SlipCodeAsync(Guid id) =>
        new DeskDossier(id, string.Empty, string.Empty, DossierStatus.Draft, null, new Dictionary<string, string>())
        {
            PublicCode = DossierView.From((await _store.ListAsync(RecordTypes.Dossier)).Single(r => r.Id == id)).PublicCode,
        }.Code;

    [Fact]
    public async Task CreateAsync_TwoDossiersInTheSameMillisecond_SlipCodesDiffer()
    {
        var service = Service();
        var first = await service.CreateAsync(new DossierDraft("hotich.khaisinh", "Sùng Mí Chứ", null, AsDraft: true));
        var second = await service.CreateAsync(new DossierDraft("hotich.khaisinh", "Giàng Thị Mai", null, AsDraft: true));

        // The premise: the old code, read from the UUIDv7 timestamp, is the same for both.
        Assert.Equal(DossierCode.Of(first.Id), DossierCode.Of(second.Id));
        var firstCode = await SlipCodeAsync(first.Id);
        var secondCode = await SlipCodeAsync(second.Id);
        Assert.NotEqual(firstCode, secondCode);
        Assert.True(PublicCode.TryNormalise(firstCode, out var stored));
        Assert.Equal(stored, first.PublicCode);
    }

    [Fact]
    public async Task CreateAsync_DrawnCodeAlreadyHeldOnTheNode_DrawsAgain()
    {
        _draws.Enqueue("AAAAAAAAAAAA");
        _draws.Enqueue("AAAAAAAAAAAA");
        _draws.Enqueue("BBBBBBBBBBBB");
        var service = Service(scripted: true);

        var first = await service.CreateAsync(new DossierDraft("hotich.khaisinh", "Sùng Mí Chứ", null, AsDraft: true));
        var second = await service.CreateAsync(new DossierDraft("hotich.khaisinh", "Giàng Thị Mai", null, AsDraft: true));

        Assert.Equal("AAAAAAAAAAAA", first.PublicCode);
        Assert.Equal("BBBBBBBBBBBB", second.PublicCode);
        Assert.Equal([first.Id], await _store.FindDossiersByPublicCodeAsync("AAAAAAAAAAAA", 5));
    }

    [Fact]
    public async Task Search_PublicCodeTypedInLowerCaseWithDashes_FindsTheDossier()
    {
        var service = Service();
        var wanted = await service.CreateAsync(new DossierDraft("hotich.khaisinh", "Sùng Mí Chứ", null, AsDraft: true));
        await service.CreateAsync(new DossierDraft("hotich.khaisinh", "Giàng Thị Mai", null, AsDraft: true));

        var typed = PublicCode.Grouped(wanted.PublicCode!).ToLowerInvariant();
        var page = await new DossierSearch(_temp.Database).SearchAsync(new DossierSearchCriteria(typed, null, null, null, null, 0, 25));

        Assert.Equal([wanted.Id], page.Items.Select(r => r.Id));
    }
}
