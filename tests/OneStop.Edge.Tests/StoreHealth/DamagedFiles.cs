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

    /// <summary>What a clean stop leaves: everything checkpointed into the main file, no WAL.</summary>
    public static async Task CheckpointAsync(string path)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await SqliteDatabase.ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
    }

    /// <summary>
    /// Leaf pages of one table's b-tree, walked from its root page by the file format
    /// (https://www.sqlite.org/fileformat2.html#b_tree_pages); this SQLite build has no dbstat table.
    /// </summary>
    public static async Task<List<long>> LeafPagesOfAsync(string path, string table, int pageSize = 4096)
    {
        var root = (long)(await ColumnAsync(path, $"SELECT rootpage FROM sqlite_schema WHERE name = '{table}'")).Single()!;
        SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(path);
        var leaves = new List<long>();
        var pending = new Stack<long>([root]);
        while (pending.Count > 0)
        {
            var page = pending.Pop();
            var start = (int)((page - 1) * pageSize);
            var header = page == 1 ? start + 100 : start;
            if (bytes[header] == 0x0D)
            {
                leaves.Add(page);
                continue;
            }

            // Interior table page: cell pointers after a 12-byte header, each cell opening with a child page number.
            var cells = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(header + 3));
            pending.Push(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(header + 8)));
            for (var i = 0; i < cells; i++)
            {
                var cell = start + System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(header + 12 + (2 * i)));
                pending.Push(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(cell)));
            }
        }

        leaves.Sort();
        return leaves;
    }

    /// <summary>Overwrites whole pages (numbered from 1) with random bytes: what bit rot on a card does to a 4 KB block.</summary>
    public static void OverwritePages(string path, IEnumerable<long> pages, int seed, int pageSize = 4096)
    {
        var random = new Random(seed);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        foreach (var page in pages)
        {
            var junk = new byte[pageSize];
            random.NextBytes(junk);
            file.Position = (page - 1) * pageSize;
            file.Write(junk);
        }

        file.Flush(flushToDisk: true);
    }

    public static void OverwriteBytes(string path, long offset, int length, int seed)
    {
        var junk = new byte[length];
        new Random(seed).NextBytes(junk);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Position = offset;
        file.Write(junk);
    }

    public static async Task<Dictionary<Guid, string>> DossiersInAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
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
