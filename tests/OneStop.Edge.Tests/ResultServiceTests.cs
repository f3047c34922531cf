using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Catalogue;
using OneStop.Core.Changes;
using OneStop.Core.Dossiers;
using OneStop.Core.Slips;
using OneStop.Edge.Attachments;
using OneStop.Edge.Catalogue;
using OneStop.Edge.DigitalResults;
using OneStop.Edge.Dossiers;
using OneStop.Edge.Store;
using OneStop.Edge.Ui;

namespace OneStop.Edge.Tests;

/// <summary>A digital result is stored, sealed with the node's slip key and checkable from the store's own records.</summary>
public sealed class ResultServiceTests : IAsyncLifetime
{
    private static readonly byte[] Document = "%PDF-1.4 giấy khai sinh bản điện tử"u8.ToArray();
    private readonly TempStore _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("onestop-result-key-").FullName;
    private EdgeStore _store = null!;
    private DossierService _dossiers = null!;
    private NodeSigningKey _key = null!;
    private ResultService _results = null!;

    public async Task InitializeAsync()
    {
        _store = await _temp.OpenAsync(_time);
        var options = Options.Create(new EdgeOptions { NodeId = _temp.NodeId, CommuneCode = "03006", DataDirectory = _dataDirectory });
        await _store.SeedReferenceAsync(CatalogueRecords.SeedEntries(await File.ReadAllTextAsync(options.Value.CatalogueFile), "seed"));
        _dossiers = new DossierService(_store, new CatalogueService(_store), new CatalogueOptionLists(options), options, _time);
        _key = new NodeSigningKey(options, NullLogger<NodeSigningKey>.Instance);
        var attachments = new AttachmentService(_store, new BlobStore(_temp.Database, _time), _dossiers, options, _time);
        _results = new ResultService(_store, attachments, _dossiers, _key, options);
    }

    public Task DisposeAsync()
    {
        _key.Dispose();
        _temp.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<Guid> DossierAtAsync() =>
        (await _dossiers.CreateAsync(new DossierDraft("hotich.khaisinh", "Sùng Mí Chứ", null, AsDraft: true))).Id;

    [Fact]
    public async Task IssueAsync_ApprovedDossier_SealsTheDocumentHashAndVerifiesFromTheStore()
    {
        var other = await DossierAtAsync();
        var approved = await ApprovedAsync();

        var issued = await _results.IssueAsync(approved, "ket-qua.pdf", "application/pdf", Document);
        var check = await ResultKeys.VerifyAsync($"http://node/verify?code={Uri.EscapeDataString(issued.SealedText)}", (key, ct) => _store.GetAsync(key, ct));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Document)), issued.Sha256);
        Assert.Equal(SlipCheck.Valid, check.Check);
        Assert.Equal(new ResultClaim(approved, "03006", _temp.NodeId, issued.Sha256), check.Claim);
        Assert.Equal("true", (await _store.GetAsync(approved))!.GetJson(DossierFields.ResultDigitised));
        Assert.Null((await _store.GetAsync(other))!.GetJson(DossierFields.ResultDigitised));
    }

    [Fact]
    public async Task VerifyAsync_HashOfAnotherDocument_BadSignature()
    {
        var issued = await _results.IssueAsync(await ApprovedAsync(), "ket-qua.pdf", "application/pdf", Document);
        ResultSeal.TryDecode(issued.SealedText, out var claim, out var signature);
        var forged = ResultSeal.Encode(claim! with { DocumentSha256 = Convert.ToHexStringLower(SHA256.HashData("a forged result"u8)) }, signature);

        var check = await ResultKeys.VerifyAsync(forged, (key, ct) => _store.GetAsync(key, ct));

        Assert.Equal(SlipCheck.BadSignature, check.Check);
        Assert.False(check.UnknownSigner);
    }

    [Fact]
    public async Task IssueAsync_DossierStillDraft_RefusedAndNothingStored()
    {
        var id = await DossierAtAsync();
        var attachmentsBefore = (await _store.ListAsync(RecordTypes.Attachment)).Count;

        await Assert.ThrowsAsync<IntakeException>(() => _results.IssueAsync(id, "ket-qua.pdf", "application/pdf", Document));

        Assert.Equal(attachmentsBefore, (await _store.ListAsync(RecordTypes.Attachment)).Count);
        Assert.Null((await _store.GetAsync(id))!.GetJson(ResultFields.Seal));
    }

    private async Task<Guid> ApprovedAsync()
    {
        var id = await DossierAtAsync();
        // Receiving needs a complete form; the result only needs an approved status, written as a merge would bring it.
        await _store.WriteAsync(id, RecordTypes.Dossier, "03006", new Dictionary<string, string?> { [DossierFields.Status] = "\"approved\"" });
        return id;
    }
}
