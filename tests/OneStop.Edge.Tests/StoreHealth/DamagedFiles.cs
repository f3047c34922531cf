using Microsoft.Data.Sqlite;
using OneStop.Core.Changes;
using OneStop.Edge.Store;
using OneStop.Storage;

namespace OneStop.Edge.Tests.StoreHealth;

/// <summary>Real edge stores on disk, and real damage done to their files: whole pages, the header, WAL frames.</summary>
internal static class DamagedFiles
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Files <paramref name="count"/> dossiers through the store; returns id → applicant name.</summary>
    public static async Task<Dictionary<Guid, string>> FileDossiersAsync(EdgeStore store, int count)
    {
        var filed = new Dictionary<Guid, string>();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.CreateVersion7();
            var name = $"Người nộp {i:D4} " + new string('x', 200 + (i % 7 * 50));
            await store.WriteAsync(id, RecordTypes.Dossier, "03006", new Dictionary<string, string?>
            {
                ["applicant_name"] = System.Text.Json.JsonSerializer.Serialize(name),
                ["status"] = "\"received\"",
                ["procedure_code"] = "\"hotich.khaisinh\"",
            });
            filed[id] = name;
        }

        return filed;
    }

    public static async Task<Dictionary<Guid, string>> DossiersInAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        // Names are sealed at rest; read them with the key of the node the file came from (its folder's).
        RecordSealing.Attach(connection, OneStop.Edge.Privacy.NodeDataKey.TryOpenExisting(Path.GetDirectoryName(path)!));
        var rows = await RecordTable.ListAsync(connection, RecordTypes.Dossier, null, 1_000_000);
        SqliteConnection.ClearAllPools();
        return rows.ToDictionary(r => r.Id, r => System.Text.Json.JsonDocument.Parse(r.DataJson).RootElement.GetProperty("applicant_name").GetString()!);
    }

    public static async Task<List<object?>> ColumnAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<object?>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.IsDBNull(0) ? null : reader.GetValue(0));
        }

        return values;
    }
}
