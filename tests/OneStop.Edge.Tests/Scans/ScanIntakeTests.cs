using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Catalogue;
using OneStop.Edge.Attachments;
using OneStop.Edge.Attachments.Scans;
using OneStop.Edge.Catalogue;
using OneStop.Edge.Dossiers;
using OneStop.Edge.Store;
using OneStop.Edge.Ui;
using OneStop.Scans;

namespace OneStop.Edge.Tests.Scans;

/// <summary>A page photo attached at the desk travels as its small copy; the original stays on the node until released.</summary>
public sealed class ScanIntakeTests : IAsyncLifetime
{
    private readonly TempStore _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));
    private EdgeStore _store = null!;
    private BlobStore _blobs = null!;
    private DossierService _dossiers = null!;
    private ScanOriginals _originals = null!;
    private AttachmentService _attachments = null!;

    public async Task InitializeAsync()
    {
        _store = await _temp.OpenAsync(_time);
        var options = Options.Create(new EdgeOptions { NodeId = _temp.NodeId, CommuneCode = "03006" });
        await _store.SeedReferenceAsync(CatalogueRecords.SeedEntries(await File.ReadAllTextAsync(options.Value.CatalogueFile), "seed"));
        _dossiers = new DossierService(_store, new CatalogueService(_store), new CatalogueOptionLists(options), options, _time);
        _blobs = new BlobStore(_temp.Database, _time);
        _originals = new ScanOriginals(_temp.Database);
        var intake = new ScanIntake(_originals, Options.Create(new ScanIntakeOptions()));
        _attachments = new AttachmentService(_store, _blobs, _dossiers, options, _time, intake);
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AddAsync_PagePhoto_UploadsOnlyTheSmallCopyAndKeepsTheOriginal()
    {
        var dossier = (await _dossiers.CreateAsync(new DossierDraft("hotich.khaisinh", "Sùng Mí Chứ", null, AsDraft: true))).Id;
        using var page = TestPages.Lines(seed: 4);
        var photo = TestPages.Jpeg(page);

        var view = await _attachments.AddAsync(dossier, "giay-to.jpg", "image/jpeg", photo);

        Assert.Equal(ScanNormaliser.WebP, view.ContentType);
        Assert.InRange(view.Size, 1, ScanOptions.DefaultMaxBytes);
        var pending = await _blobs.ListPendingAsync();
        Assert.Equal([view.Sha256], pending.Select(p => p.Sha256));
        var originalSha = BlobStore.HashOf(photo);
        var record = await _store.GetAsync(view.Id);
        Assert.Equal($"\"{originalSha}\"", record!.GetJson("original_sha256"));
        var kept = await _originals.ReadAsync(originalSha);
        Assert.NotNull(kept);
        Assert.Equal("image/jpeg", kept.Value.ContentType);
        Assert.Equal(photo, kept.Value.Content);
    }

    [Fact]
    public async Task ReleaseAsync_HubAskedForTheOriginal_QueuesItForUpload()
    {
        var dossier = (await _dossiers.CreateAsync(new DossierDraft("hotich.khaisinh", "Sùng Mí Chứ", null, AsDraft: true))).Id;
        using var page = TestPages.Lines(seed: 5);
        var photo = TestPages.Jpeg(page);
        var view = await _attachments.AddAsync(dossier, "giay-to.jpg", "image/jpeg", photo);
        var originalSha = BlobStore.HashOf(photo);

        Assert.True(await _originals.ReleaseAsync(originalSha));
        Assert.False(await _originals.ReleaseAsync(new string('0', 64)));

        var pending = await _blobs.ListPendingAsync();
        Assert.Equal([view.Sha256, originalSha], pending.Select(p => p.Sha256));
        Assert.Equal(photo, await _blobs.ReadAsync(originalSha));
    }

    [Fact]
    public async Task AddAsync_BytesLabelledJpegThatAreNoPicture_StoredAsTheyCame()
    {
        var dossier = (await _dossiers.CreateAsync(new DossierDraft("hotich.khaisinh", "Sùng Mí Chứ", null, AsDraft: true))).Id;
        var noise = new byte[ScanOptions.DefaultMaxBytes * 2];
        new Random(6).NextBytes(noise);

        var view = await _attachments.AddAsync(dossier, "scan.jpg", "image/jpeg", noise);

        Assert.Equal("image/jpeg", view.ContentType);
        Assert.Equal(BlobStore.HashOf(noise), view.Sha256);
        Assert.Equal(noise, await _blobs.ReadAsync(view.Sha256));
    }

    [Fact]
    public async Task AddAsync_Pdf_StoredAsItCame()
    {
        var dossier = (await _dossiers.CreateAsync(new DossierDraft("hotich.khaisinh", "Sùng Mí Chứ", null, AsDraft: true))).Id;
        var pdf = new byte[ScanOptions.DefaultMaxBytes * 2];
        "%PDF-1.4"u8.CopyTo(pdf);

        var view = await _attachments.AddAsync(dossier, "don.pdf", "application/pdf", pdf);

        Assert.Equal("application/pdf", view.ContentType);
        Assert.Equal(BlobStore.HashOf(pdf), view.Sha256);
        Assert.Null((await _store.GetAsync(view.Id))!.GetJson("original_sha256"));
    }
}
