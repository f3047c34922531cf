using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Catalogue;
using OneStop.Core.Dossiers;
using OneStop.Edge.Catalogue;
using OneStop.Edge.Dossiers;
using OneStop.Edge.Store;
using OneStop.Edge.Ui;

namespace OneStop.Edge.Tests;

/// <summary>Drafts saved half-filled and finished later; received dossiers corrected with a reason that every replica keeps.</summary>
public sealed class DossierCorrectorTests : IAsyncLifetime
{
    private readonly TempStore _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
    private EdgeStore _store = null!;
    private DossierService _service = null!;
    private DossierCorrector _corrector = null!;

    public async Task InitializeAsync()
    {
        _store = await _temp.OpenAsync(_time);
        var options = Options.Create(new EdgeOptions { NodeId = _temp.NodeId, CommuneCode = "03006" });
        await _store.SeedReferenceAsync(CatalogueRecords.SeedEntries(await File.ReadAllTextAsync(options.Value.CatalogueFile), "seed"));
        _service = new DossierService(_store, new CatalogueService(_store), new CatalogueOptionLists(options), options, _time);
        _corrector = new DossierCorrector(_service, _store, _time);
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    private static Dictionary<string, string> SignatureAnswers() => new()
    {
        ["document.title"] = "Giấy ủy quyền nhận trợ cấp",
        ["document.kind"] = "giay_uy_quyen",
        ["signers.count"] = "1",
        ["signer.full_name"] = "Lý Văn Sủ",
        ["signer.id_number"] = "010078012345",
    };

    [Fact]
    public async Task Create_DraftWithoutNameOrAnswers_SavedAndReceivingItRefused()
    {
        var draft = await _service.CreateAsync(new DossierDraft("chungthuc.chuky", string.Empty, new Dictionary<string, string>(), AsDraft: true), "tnv");

        Assert.Equal("draft", draft.Status);
        var refused = await Assert.ThrowsAsync<IntakeException>(() => _service.ReceiveAsync(draft.Id, "canbo"));
        Assert.Contains(refused.Errors, e => e.FieldKey == DossierIntakeRules.ApplicantField);
        Assert.Equal("draft", (await _service.GetAsync(draft.Id))!.Status);
    }

    [Fact]
    public async Task Save_Draft_FinishedLaterWithoutReasonAndLeavesNoCorrection()
    {
        var draft = await _service.CreateAsync(new DossierDraft("chungthuc.chuky", "Lý Văn Sủ", new Dictionary<string, string> { ["document.title"] = "Giấy ủy quyền" }, AsDraft: true), "tnv");

        var saved = await _corrector.SaveAsync(draft.Id, "Lý Văn Sủ", SignatureAnswers().ToDictionary(p => p.Key, p => (string?)p.Value), "tnv", reason: null);
        var received = await _service.ReceiveAsync(draft.Id, "canbo");

        Assert.Equal("Giấy ủy quyền nhận trợ cấp", saved.Form["document.title"]);
        Assert.Equal("received", received.Status);
        Assert.Empty(await _corrector.ListAsync(draft.Id));
    }

    [Fact]
    public async Task Save_ReceivedWithoutReason_RefusedAndNothingWritten()
    {
        var dossier = await _service.CreateAsync(new DossierDraft("chungthuc.chuky", "Lý Văn Sủ", SignatureAnswers()), "canbo");
        var logged = await _store.ReadLastOwnSeqAsync();

        var refused = await Assert.ThrowsAsync<IntakeException>(() => _corrector.SaveAsync(dossier.Id, "Lý Văn Sử", new Dictionary<string, string?>(), "canbo", "  "));

        Assert.Equal(DossierCorrections.ReasonField, refused.Field);
        Assert.Equal("Lý Văn Sủ", (await _service.GetAsync(dossier.Id))!.ApplicantName);
        Assert.Equal(logged, await _store.ReadLastOwnSeqAsync());
    }

    [Fact]
    public async Task Save_ReceivedWithReason_ChangesFieldsAndKeepsWhoWhenWhyFromToInOneLoggedWrite()
    {
        var dossier = await _service.CreateAsync(new DossierDraft("chungthuc.chuky", "Lý Văn Sủ", SignatureAnswers()), "canbo");
        _time.Advance(TimeSpan.FromMinutes(10));
        var answers = SignatureAnswers().ToDictionary(p => p.Key, p => (string?)p.Value);
        answers["signer.full_name"] = "Lý Văn Sử";

        var corrected = await _corrector.SaveAsync(dossier.Id, "Lý Văn Sử", answers, "canbo", " Gõ nhầm dấu ");

        Assert.Equal("Lý Văn Sử", corrected.ApplicantName);
        Assert.Equal("Lý Văn Sử", corrected.Form["signer.full_name"]);
        Assert.Equal("received", corrected.Status);
        var correction = Assert.Single(await _corrector.ListAsync(dossier.Id));
        Assert.Equal(("canbo", "Gõ nhầm dấu", _time.GetUtcNow()), (correction.By, correction.Reason, correction.At));
        Assert.Equal(
            [new FieldCorrection("applicant_name", "Lý Văn Sủ", "Lý Văn Sử"), new FieldCorrection("signer.full_name", "Lý Văn Sủ", "Lý Văn Sử")],
            correction.Changes);

        // The corrected fields and the history entry travel as one change, like any desk write.
        var last = (await _store.ReadChangesAfterAsync(0, 100, 1_000_000)).Last();
        Assert.Equal(dossier.Id, last.RecordId);
        Assert.Contains(last.Fields, f => f.Name == DossierFields.ApplicantName);
        Assert.Contains(last.Fields, f => f.Name.StartsWith(DossierCorrections.Collection + "/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Save_ReceivedAnswerInvalid_RefusedByTheFormRules()
    {
        var dossier = await _service.CreateAsync(new DossierDraft("chungthuc.chuky", "Lý Văn Sủ", SignatureAnswers()), "canbo");
        var answers = SignatureAnswers().ToDictionary(p => p.Key, p => (string?)p.Value);
        answers["signer.id_number"] = "12345";

        var refused = await Assert.ThrowsAsync<IntakeException>(() => _corrector.SaveAsync(dossier.Id, "Lý Văn Sủ", answers, "canbo", "Sai số CCCD"));

        Assert.Equal("signer.id_number", refused.Field);
        Assert.Empty(await _corrector.ListAsync(dossier.Id));
    }
}
