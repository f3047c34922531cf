using System.Buffers.Binary;
using Microsoft.Data.Sqlite;

namespace OneStop.TestHosts;

/// <summary>Real damage to real SQLite files, the way an SD card does it: whole pages, the header, WAL frames.</summary>
public static class SqliteDamage
{
    /// <summary>
    /// Leaf pages of one table's b-tree, walked from its root page by the file format
    /// (https://www.sqlite.org/fileformat2.html#b_tree_pages); this SQLite build has no dbstat table.
    /// </summary>
    public static async Task<List<long>> LeafPagesOfAsync(string path, string table, int pageSize = 4096)
    {
        var root = await RootPageAsync(path, table);
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
            var cells = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(header + 3));
            pending.Push(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(header + 8)));
            for (var i = 0; i < cells; i++)
            {
                var cell = start + BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(header + 12 + (2 * i)));
                pending.Push(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(cell)));
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

    private static async Task<long> RootPageAsync(string path, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rootpage FROM sqlite_schema WHERE name = $table";
        command.Parameters.AddWithValue("$table", table);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>What a clean stop leaves: everything checkpointed into the main file, no WAL.</summary>
    public static async Task CheckpointAsync(string path)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync();
    }
}
