using Microsoft.Data.Sqlite;

namespace OneStop.Storage.Tests;

public sealed class RecordTableTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("onestop-storage-test-").FullName;

    [Fact]
    public async Task Schema_NextUpdateSeq_ReadFromAnIndexNotAScanOfEveryRecord()
    {
        // Each save asks for MAX(updated_seq); without an index that was a full scan per write, and hub
        // ingest fell to 1% of SQLite's own insert rate (bench/results, hub-ingest).
        var database = new SqliteDatabase(Path.Combine(_root, "t.db"));
        await database.EnsureSchemaAsync(RecordTable.Schema);
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN SELECT COALESCE(MAX(updated_seq), 0) + 1 FROM records";
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        Assert.Contains(plan, step => step.Contains("records_updated", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN records", StringComparison.Ordinal) && !step.Contains("INDEX", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
