using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Catalogue;
using OneStop.Core.Changes;
using OneStop.Core.Dossiers;
using OneStop.Edge.Catalogue;
using OneStop.Edge.Dossiers;
using OneStop.Edge.Store;
using OneStop.Edge.Ui;

namespace OneStop.Edge.Tests;

/// <summary>
/// The one application service behind the desk and the HTTP API holds the intake rules of core: what the desk
/// refuses, a script calling the API cannot store either.
/// </summary>
public sealed class DossierServiceIntakeTests : IAsyncLifetime
{
    private readonly TempStore _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
    private EdgeStore _store = null!;
    private DossierService _service = null!;

    public async Task InitializeAsync()
    {
        _store = await _temp.OpenAsync(_time);
        var options = Options.Create(new EdgeOptions { NodeId = _temp.NodeId, CommuneCode = "03006" });
        await _store.SeedReferenceAsync(CatalogueRecords.SeedEntries(await File.ReadAllTextAsync(options.Value.CatalogueFile), "seed"));
        _service = new DossierService(_store, new CatalogueService(_store), new CatalogueOptionLists(options), options, _time);
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    // A complete, valid birth registration (the same residents as FormValidatorTests).
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
        ["requester.id_number"] = "002078990001",
        ["requester.residence"] = """{"commune_code":"00715","province_code":"08"}""",
        ["requester.relationship"] = "cha",
    };

    [Theory]
    [InlineData("mother.id_number", "12345", "mother.id_number")]
    [InlineData("mother.id_number", "abcdefghijkl", "mother.id_number")]
    [InlineData("not_in_schema", "x", "not_in_schema")]
    [InlineData("child.full_name", "", "child.full_name")]
    public async Task Create_ReceivedWithBadAnswer_RefusedNamingFieldAndNothingStored(string key, string value, string expectedField)
    {
        var answers = BirthAnswers();
        answers[key] = value;

        var error = await Assert.ThrowsAsync<IntakeException>(() =>
            _service.CreateAsync(new DossierDraft("hotich.khaisinh", "Sùng Mí Chứ", answers)));

        Assert.Contains(error.Errors, e => e.FieldKey == expectedField && e.MessageVi.Length > 0 && e.MessageEn.Length > 0);
        Assert.Empty(await _store.ListAsync(RecordTypes.Dossier));
        Assert.Equal(0, await _store.CountBacklogAsync());
    }

    [Fact]
    public async Task Create_RequiredAnswerNull_RefusedNamingFieldAndNothingStored()
    {
        // A JSON body with "child.full_name": null binds to a null value; it used to fail the service (HTTP 500).
        var answers = BirthAnswers();
        answers["child.full_name"] = null!;

        var error = await Assert.ThrowsAsync<IntakeException>(() =>
            _service.CreateAsync(new DossierDraft("hotich.khaisinh", "Sùng Mí Chứ", answers)));

        Assert.Contains(error.Errors, e => e.FieldKey == "child.full_name");
        Assert.Empty(await _store.ListAsync(RecordTypes.Dossier));
        Assert.Equal(0, await _store.CountBacklogAsync());
    }

    [Fact]
    public async Task Create_OptionalAnswerNull_StoredWithoutThatAnswer()
    {
        var answers = BirthAnswers();
        answers["requester.phone"] = null!;

        var dossier = await _service.CreateAsync(new DossierDraft("hotich.khaisinh", "Sùng Mí Chứ", answers));

        Assert.False(dossier.Form.ContainsKey("requester.phone"));
        Assert.Equal("Sùng Thị Mỷ", dossier.Form["child.full_name"]);
    }

    [Fact]
    public async Task Create_CompleteForm_ReceivedWithDueDate()
    {
        var dossier = await _service.CreateAsync(new DossierDraft("hotich.khaisinh", "Sùng Mí Chứ", BirthAnswers()));

        Assert.Equal("received", dossier.Status);
        Assert.NotNull((await _store.GetAsync(dossier.Id))!.GetJson(DeskDossierFields.DueDate));
    }

    [Fact]
    public async Task Update_InvalidCccdOnReceivedDossier_RefusedAndStoredValueIntact()
    {
        var dossier = await _service.CreateAsync(new DossierDraft("hotich.khaisinh", "Sùng Mí Chứ", BirthAnswers()));

        var error = await Assert.ThrowsAsync<IntakeException>(() =>
            _service.UpdateAsync(dossier.Id, new DossierEdit(null, new Dictionary<string, string> { ["mother.id_number"] = "000000000000" })));

        Assert.Equal("mother.id_number", error.Field);
        Assert.Equal("002181990002", (await _service.GetAsync(dossier.Id))!.Form["mother.id_number"]);
    }

    [Fact]
    public async Task ChangeStatus_ReceiveIncompleteDraft_RefusedAndStillDraft()
    {
        var draft = await _service.CreateAsync(new DossierDraft("hotich.khaisinh", "Sùng Mí Chứ", new Dictionary<string, string> { ["child.gender"] = "nu" }, AsDraft: true));

        await Assert.ThrowsAsync<IntakeException>(() => _service.ChangeStatusAsync(draft.Id, DossierStatus.Received, "api"));

        Assert.Equal("draft", (await _service.GetAsync(draft.Id))!.Status);
    }
}
