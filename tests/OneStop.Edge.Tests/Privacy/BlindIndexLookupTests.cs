using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Changes;
using OneStop.Edge.Store;

namespace OneStop.Edge.Tests.Privacy;

/// <summary>A whole CCCD number typed at the desk is found by its keyed blind index, kept beside the sealed number.</summary>
public sealed class BlindIndexLookupTests
{
    private const string Cccd = "001095012345";

    [Fact]
    public async Task Search_WholeCccdNumber_FoundByTheBlindIndexAlone_AStartOfANumberStillOpensTheValues()
    {
        using var temp = new TempStore();
        var store = await temp.OpenAsync(new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero)));
        var id = Guid.CreateVersion7();
        await store.WriteAsync(id, RecordTypes.Dossier, "03006", new Dictionary<string, string?>
        {
            ["applicant_name"] = "\"Nguyễn Văn Bình\"",
            ["status"] = "\"received\"",
            ["form.id_number"] = JsonSerializer.Serialize(Cccd),
        });
        var search = new DossierSearch(temp.Database);

        var stored = await ReadIndexAsync(temp.DatabasePath, id);
        Assert.Matches("^[0-9a-f]{64}$", stored);
        Assert.DoesNotContain(Cccd, stored, StringComparison.Ordinal);
        Assert.Equal([id], await FindAsync(search, Cccd));
        Assert.Empty(await FindAsync(search, "001095012346"));

        // With the index changed on the disk, the whole number no longer finds the dossier: the lookup compared the
        // index, not the opened number. The start of the number, which opens the values, still does.
        await ExecuteAsync(temp.DatabasePath, $"UPDATE records SET data = json_set(data, '$.\"form.id_number#bi\"', '{new string('0', 64)}') WHERE id = '{id}'");
        Assert.Empty(await FindAsync(search, Cccd));
        Assert.Equal([id], await FindAsync(search, Cccd[..8]));

        // A record written again gets its index back; readers never see it among the values.
        await store.WriteAsync(id, RecordTypes.Dossier, "03006", new Dictionary<string, string?> { ["status"] = "\"processing\"" });
        var page = await search.SearchAsync(new DossierSearchCriteria(Cccd, null, null, null, null, 0, 25));
        Assert.DoesNotContain("#bi", Assert.Single(page.Items).DataJson, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<Guid>> FindAsync(DossierSearch search, string text) =>
        [.. (await search.SearchAsync(new DossierSearchCriteria(text, null, null, null, null, 0, 25))).Items.Select(item => item.Id)];

    private static async Task<string> ReadIndexAsync(string path, Guid id)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT json_extract(data, '$.\"form.id_number#bi\"') FROM records WHERE id = '{id}'";
        return Assert.IsType<string>(await command.ExecuteScalarAsync());
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
