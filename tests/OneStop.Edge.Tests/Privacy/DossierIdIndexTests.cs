using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Edge.Store;

namespace OneStop.Edge.Tests.Privacy;

/// <summary>
/// A whole CCCD number typed or scanned at the desk is found through a real index (blind index -> dossier), kept in
/// the same transaction as every write of the record: an edit, a merge from a pull, and filled once for an older store.
/// </summary>
public sealed class DossierIdIndexTests : IDisposable
{
    private const string Commune = "03006";
    private const string Cccd = "001095012345";
    private const string OtherCccd = "002078990001";

    private readonly TempStore _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Explain_WholeCccdNumber_PlanSearchesTheIdIndexAndScansNoDossier()
    {
        var store = await _temp.OpenAsync(_time);
        var search = new DossierSearch(_temp.Database);
        for (var i = 0; i < 50; i++)
        {
            await WriteDossierAsync(store, Guid.CreateVersion7(), $"0010950{i:D5}");
        }

        var plan = await search.ExplainAsync(Criteria(Cccd));

        Assert.Contains(plan, step => step.StartsWith("SEARCH dossier_id_index USING PRIMARY KEY (blind_index=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN records", StringComparison.Ordinal) || step.Contains("records_type_scope", StringComparison.Ordinal));
        // The control: a name is matched by opening values, a scan of the commune's dossiers, as the plan must say.
        Assert.DoesNotContain(await search.ExplainAsync(Criteria("nguyen")), step => step.Contains("dossier_id_index", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_CccdEditedAtTheDesk_OldNumberNoLongerFindsTheDossier_NewOneDoes()
    {
        var store = await _temp.OpenAsync(_time);
        var search = new DossierSearch(_temp.Database);
        var id = Guid.CreateVersion7();
        await WriteDossierAsync(store, id, Cccd);
        Assert.Equal([id], await FindAsync(search, Cccd));

        await store.WriteAsync(id, RecordTypes.Dossier, Commune, new Dictionary<string, string?> { ["form.id_number"] = JsonSerializer.Serialize(OtherCccd) });

        Assert.Empty(await FindAsync(search, Cccd));
        Assert.Equal([id], await FindAsync(search, OtherCccd));
        Assert.Equal(1, await _temp.ScalarAsync($"SELECT COUNT(*) FROM dossier_id_index WHERE record_id = '{id}'"));
    }

    [Fact]
    public async Task Search_CccdChangedByAMergeFromAPull_FollowsTheMergedValue()
    {
        var store = await _temp.OpenAsync(_time);
        var search = new DossierSearch(_temp.Database);
        var id = Guid.CreateVersion7();
        await WriteDossierAsync(store, id, Cccd);

        // Another office corrected the number later; the hub's log brings it down.
        var later = new HlcTimestamp(_time.GetUtcNow().ToUnixTimeMilliseconds() + 60_000, 0, "node-b");
        var entry = new ChangeEntry("node-b", 1, id, RecordTypes.Dossier, Commune,
            [FieldChange.Set("form.id_number", JsonSerializer.Serialize(OtherCccd), later, HlcTimestamp.Zero)]);
        await store.ApplyPulledAsync([new HubLogEntry(1, entry)], 1);

        Assert.Empty(await FindAsync(search, Cccd));
        Assert.Equal([id], await FindAsync(search, OtherCccd));

        // A dossier first seen in a pull is indexed as it is inserted.
        var pulled = Guid.CreateVersion7();
        var created = new ChangeEntry("node-b", 2, pulled, RecordTypes.Dossier, Commune,
        [
            FieldChange.Set("applicant_name", "\"Cầm Thị Hoa\"", later, HlcTimestamp.Zero),
            FieldChange.Set("form.id_number", JsonSerializer.Serialize(Cccd), later, HlcTimestamp.Zero),
        ]);
        await store.ApplyPulledAsync([new HubLogEntry(2, created)], 2);
        Assert.Equal([pulled], await FindAsync(search, Cccd));
    }

    [Fact]
    public async Task Write_SameNumberInTwoFieldsOfOneDossier_SavedAndEditedAndFoundOnce()
    {
        // A mother filing her child's birth online gives her CCCD as the filer and again as the mother's number: two
        // fields of one dossier carry the same blind index. The desk's upsert overrides the trigger's OR IGNORE
        // (SQLite applies the outer statement's conflict policy), so the second row of the pair failed the save.
        var store = await _temp.OpenAsync(_time);
        var search = new DossierSearch(_temp.Database);
        var id = Guid.CreateVersion7();
        var fields = new Dictionary<string, string?>
        {
            ["applicant_name"] = "\"Lò Thị Mai\"",
            ["online_filer_cccd"] = JsonSerializer.Serialize(Cccd),
            ["form.mother.id_number"] = JsonSerializer.Serialize(Cccd),
        };

        await store.WriteAsync(id, RecordTypes.Dossier, Commune, fields);
        await store.WriteAsync(id, RecordTypes.Dossier, Commune, new Dictionary<string, string?> { ["status"] = "\"received\"" });

        Assert.Equal([id], await FindAsync(search, Cccd));
        Assert.Equal(1, await _temp.ScalarAsync($"SELECT COUNT(*) FROM dossier_id_index WHERE record_id = '{id}'"));
    }

    [Fact]
    public async Task Initialise_StoreWrittenBeforeTheIndexTable_FilledOnce_LookupFindsEarlierDossiers()
    {
        var store = await _temp.OpenAsync(_time);
        var id = Guid.CreateVersion7();
        await WriteDossierAsync(store, id, Cccd);
        // As an earlier build left it: the values carry the blind index, but there is no side table and no mark.
        await _temp.ExecuteAsync("""
            DROP TRIGGER dossier_id_index_insert; DROP TRIGGER dossier_id_index_update; DROP TRIGGER dossier_id_index_delete;
            DROP TABLE dossier_id_index; DELETE FROM meta WHERE key = 'dossier_id_index_built';
            """);

        await _temp.OpenAsync(_time);

        Assert.Equal([id], await FindAsync(new DossierSearch(_temp.Database), Cccd));
        Assert.Equal(1, await _temp.ScalarAsync("SELECT COUNT(*) FROM dossier_id_index"));
        Assert.Equal(1, await _temp.ScalarAsync("SELECT COUNT(*) FROM meta WHERE key = 'dossier_id_index_built'"));
    }

    private static Task WriteDossierAsync(EdgeStore store, Guid id, string cccd) =>
        store.WriteAsync(id, RecordTypes.Dossier, Commune, new Dictionary<string, string?>
        {
            ["applicant_name"] = "\"Nguyễn Văn Bình\"",
            ["status"] = "\"received\"",
            ["form.id_number"] = JsonSerializer.Serialize(cccd),
        });

    private static DossierSearchCriteria Criteria(string text) => new(text, null, null, null, null, 0, 25);

    private static async Task<IReadOnlyList<Guid>> FindAsync(DossierSearch search, string text) =>
        [.. (await search.SearchAsync(Criteria(text))).Items.Select(item => item.Id)];
}
