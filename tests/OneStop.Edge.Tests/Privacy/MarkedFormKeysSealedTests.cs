using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Catalogue;
using OneStop.Core.Changes;
using OneStop.Edge.Store;

namespace OneStop.Edge.Tests.Privacy;

/// <summary>A form key the catalogue's schema marks personal (<c>personal_data</c>) is sealed on the node like the named ones.</summary>
public sealed class MarkedFormKeysSealedTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    // "ethnicity" is not one of the names PersonalFields knows: only the schema's mark makes it personal.
    private const string Catalogue = """
        {"procedures": [{"code": "test.marks", "name_vi": "Thử", "form": [
          {"key": "child.ethnicity", "type": "text", "personal_data": true, "personal_data_class": "sensitive"},
          {"key": "child.note", "type": "text", "personal_data": false, "personal_data_class": null}
        ]}]}
        """;

    [Fact]
    public async Task Store_KeyMarkedByTheCatalogue_NewValuesSealed_OlderValuesSealedAtNextStart_AllStillRead()
    {
        using var temp = new TempStore();
        var store = await temp.OpenAsync(new FakeTimeProvider(Start));
        Assert.Equal(0, await store.SealExistingAsync());
        var before = await FileAsync(store, "Xinh Mun Dạ");
        Assert.True(Contains("Xinh Mun Dạ"), "before the catalogue marks the key, its value is stored as it is");

        await store.SeedReferenceAsync(CatalogueRecords.SeedEntries(Catalogue, "seed"));
        var after = await FileAsync(store, "Khơ Mú Ưng");

        Assert.False(Contains("Khơ Mú Ưng"), "a value of a key the catalogue marks personal is in the node's file in clear");
        Assert.True(Contains("ghi chú công khai"), "the unmarked answer should be in clear: the raw read would have seen a value");
        Assert.True(await store.SealExistingAsync() > 0, "the pass should run again for the newly marked key");
        Assert.False(Contains("Xinh Mun Dạ"), "a value written before the key was marked is still in clear after the pass");
        Assert.Equal(0, await store.SealExistingAsync());
        Assert.Equal("Xinh Mun Dạ", Ethnicity(await store.GetAsync(before)));
        Assert.Equal("Khơ Mú Ưng", Ethnicity(await store.GetAsync(after)));

        bool Contains(string text) => SealedAtRestTests.RawBytes(temp.DatabasePath).AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
    }

    private static async Task<Guid> FileAsync(EdgeStore store, string ethnicity)
    {
        var id = Guid.CreateVersion7();
        await store.WriteAsync(id, RecordTypes.Dossier, "03006", new Dictionary<string, string?>
        {
            ["status"] = "\"received\"",
            ["procedure_code"] = "\"test.marks\"",
            ["form.child.ethnicity"] = "\"" + ethnicity + "\"",
            ["form.child.note"] = "\"ghi chú công khai\"",
        });
        return id;
    }

    private static string? Ethnicity(StoredRecord? record) =>
        record?.GetJson("form.child.ethnicity") is { } json ? JsonSerializer.Deserialize<string>(json) : null;
}
