using System.Globalization;
using Microsoft.Data.Sqlite;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Edge.Store;
using OneStop.Storage;

namespace OneStop.Edge.StoreHealth;

/// <param name="RowsKept">Rows copied, per table.</param>
/// <param name="RowsDropped">Rows read but refused (content that no longer decodes or hashes), per table.</param>
/// <param name="UnreadableStretches">Stretches of a table that could not be read at all, per table.</param>
/// <param name="LogEntriesKept">Own change-log entries kept (renumbered from 1 under the new incarnation).</param>
/// <param name="RecordsRebuiltFromLog">Records that were lost from the records table and rebuilt from own log entries.</param>
/// <param name="HeaderRepaired">The 100-byte header was rewritten before anything could be read.</param>
/// <param name="Incarnation">The new incarnation id written into the salvaged store.</param>
public sealed record SalvageReport(
    IReadOnlyDictionary<string, long> RowsKept,
    IReadOnlyDictionary<string, long> RowsDropped,
    IReadOnlyDictionary<string, int> UnreadableStretches,
    long LogEntriesKept,
    long RecordsRebuiltFromLog,
    bool HeaderRepaired,
    string Incarnation);

/// <summary>
/// Copies every readable row of a damaged edge database into a fresh file. The damaged file is never
/// written: it is copied first (with its WAL), and only the copy is opened. Rows are read by rowid in
/// order; where a page is unreadable the reader jumps past it (searching for the next rowid that can be
/// reached), so one bad page costs the rows on it, not the rest of the table. Then:
/// <list type="bullet">
/// <item>attachment content that no longer matches its hash, and log entries that no longer decode, are dropped;</item>
/// <item>every own change-log entry kept is merged into the records again, which rebuilds a record whose row was on a lost page;</item>
/// <item>the log is renumbered 1..n without gaps and the store becomes a new incarnation (meta key
///   <c>incarnation</c>), with the push acknowledgement and the pull cursor removed: the node re-pushes its whole
///   salvaged log (the hub's merge makes repeats no-ops) and re-pulls its scope, getting back what the hub held
///   and could not be salvaged here;</item>
/// <item>the result must pass PRAGMA integrity_check.</item>
/// </list>
/// </summary>
public static class StoreSalvage
{
    private const int Batch = 500;

    /// <summary>Meta keys that describe the old file's place in the sync protocol, not its data.</summary>
    private static readonly string[] DroppedMetaKeys = [MetaKeys.PushAcked, MetaKeys.PullCursor, MetaKeys.Incarnation];

    public static async Task<SalvageReport> SalvageAsync(string damagedPath, string freshPath, string nodeId, CancellationToken cancellationToken = default)
    {
        var work = damagedPath + ".salvage-copy";
        DeleteDatabaseFiles(work);
        DeleteDatabaseFiles(freshPath);
        File.Copy(damagedPath, work);
        if (File.Exists(damagedPath + "-wal"))
        {
            File.Copy(damagedPath + "-wal", work + "-wal");
        }

        try
        {
            var headerRepaired = StoreChecks.CheckHeader(work) is not null && RepairHeader(work);
            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = work, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
            await source.OpenAsync(cancellationToken);
            await using var fresh = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = freshPath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
            await fresh.OpenAsync(cancellationToken);
            // Entries and records come across sealed as they were; the replay compares opened values.
            RecordSealing.Attach(fresh, Privacy.NodeDataKey.TryOpenExisting(Path.GetDirectoryName(Path.GetFullPath(damagedPath))!));
            await SqliteDatabase.ExecuteAsync(fresh, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=OFF;", cancellationToken);
            await SqliteDatabase.ExecuteAsync(fresh, EdgeSchema.Sql, cancellationToken);
            await CopySchemaAsync(source, fresh, cancellationToken);

            var kept = new Dictionary<string, long>(StringComparer.Ordinal);
            var dropped = new Dictionary<string, long>(StringComparer.Ordinal);
            var stretches = new Dictionary<string, int>(StringComparer.Ordinal);
            var ownLog = new List<ChangeEntry>();
            foreach (var table in await TablesAsync(fresh, cancellationToken))
            {
                var columns = await CommonColumnsAsync(source, fresh, table, cancellationToken);
                if (columns.Count == 0)
                {
                    continue;
                }

                var copy = await CopyTableAsync(source, fresh, table, columns, (values) => Accept(table, columns, values, nodeId, ownLog), cancellationToken);
                kept[table] = copy.Kept;
                dropped[table] = copy.Dropped;
                stretches[table] = copy.Stretches;
            }

            var rebuilt = await ReplayOwnLogAsync(fresh, ownLog, cancellationToken);
            var logKept = await RenumberLogAsync(fresh, ownLog, cancellationToken);
            var incarnation = Guid.NewGuid().ToString("N");
            await WriteMetaAsync(fresh, ownLog, incarnation, cancellationToken);

            var check = await StoreChecks.IntegrityCheckAsync(freshPath, TimeSpan.FromHours(1), cancellationToken);
            if (!check.Ok)
            {
                throw new InvalidOperationException("The salvaged database did not pass its integrity check: " + check.Summary);
            }

            await SqliteDatabase.ExecuteAsync(fresh, "PRAGMA journal_mode=WAL;", cancellationToken);
            return new SalvageReport(kept, dropped, stretches, logKept, rebuilt, headerRepaired, incarnation);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            DeleteDatabaseFiles(work);
        }
    }

    public static void DeleteDatabaseFiles(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Rewrites a damaged 100-byte header from what the rest of the file says: SQLite's signature, the page
    /// size (found where a b-tree page starts), WAL mode, UTF-8, and the page count from the file's length.
    /// Page 1's b-tree (the schema) starts after the header, so it is usually intact.
    /// </summary>
    public static bool RepairHeader(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 1024)
        {
            return false;
        }

        var pageSize = GuessPageSize(bytes);
        var header = new byte[100];
        "SQLite format 3\0"u8.CopyTo(header);
        header[16] = (byte)(pageSize == 65536 ? 0 : pageSize >> 8);
        header[17] = (byte)(pageSize == 65536 ? 1 : pageSize & 0xFF);
        header[18] = 2; // WAL write version
        header[19] = 2; // WAL read version
        header[20] = 0; // reserved bytes per page
        header[21] = 64;
        header[22] = 32;
        header[23] = 32;
        WriteBigEndian(header, 24, 1); // change counter
        WriteBigEndian(header, 28, (uint)(bytes.Length / pageSize)); // pages
        WriteBigEndian(header, 40, 1); // schema cookie
        WriteBigEndian(header, 44, 4); // schema format
        WriteBigEndian(header, 56, 1); // UTF-8
        WriteBigEndian(header, 92, 1); // version-valid-for = change counter: the page count above is trusted
        WriteBigEndian(header, 96, 3_046_000);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Write(header);
        return true;
    }

    private static int GuessPageSize(byte[] bytes)
    {
        // Page 2 onwards start with a b-tree page type (2, 5, 10, 13) or belong to the freelist/overflow;
        // the size at which the most page starts look like b-tree pages is the page size.
        var best = 4096;
        var bestScore = -1;
        for (var size = 512; size <= 65536; size *= 2)
        {
            var score = 0;
            var pages = Math.Min(bytes.Length / size, 64);
            for (var page = 1; page < pages; page++)
            {
                score += bytes[page * size] is 2 or 5 or 10 or 13 ? 1 : 0;
            }

            if (pages > 1 && score * 1.0 / (pages - 1) > bestScore * 1.0 / Math.Max(1, Math.Min(bytes.Length / best, 64) - 1))
            {
                best = size;
                bestScore = score;
            }
        }

        return best;
    }

    private static void WriteBigEndian(byte[] buffer, int offset, uint value) =>
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(offset), value);

    /// <summary>Tables and indexes the damaged file had beyond the edge's own schema (other parts of the node add theirs).</summary>
    private static async Task CopySchemaAsync(SqliteConnection source, SqliteConnection fresh, CancellationToken cancellationToken)
    {
        var statements = new List<string>();
        try
        {
            await using var command = source.CreateCommand();
            command.CommandText = "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type DESC";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                statements.Add(reader.GetString(0));
            }
        }
        catch (SqliteException)
        {
            // The schema page itself is unreadable: the edge's own tables (already created) are what can be saved.
        }

        foreach (var sql in statements)
        {
            var idempotent = sql.Replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", StringComparison.OrdinalIgnoreCase)
                .Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.OrdinalIgnoreCase)
                .Replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS ", StringComparison.OrdinalIgnoreCase)
                .Replace("IF NOT EXISTS IF NOT EXISTS", "IF NOT EXISTS", StringComparison.OrdinalIgnoreCase);
            try
            {
                await SqliteDatabase.ExecuteAsync(fresh, idempotent, cancellationToken);
            }
            catch (SqliteException)
            {
                // A damaged or unusual statement (a trigger, a view): the table's rows are what matter.
            }
        }
    }

    private static async Task<List<string>> TablesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tables = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task<List<string>> CommonColumnsAsync(SqliteConnection source, SqliteConnection fresh, string table, CancellationToken cancellationToken)
    {
        var target = await ColumnsAsync(fresh, table, cancellationToken);
        try
        {
            var old = await ColumnsAsync(source, table, cancellationToken);
            return old.Count == 0 ? target : [.. target.Where(old.Contains)];
        }
        catch (SqliteException)
        {
            return target;
        }
    }

    private static async Task<List<string>> ColumnsAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info({Quote(table, '\'')})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private sealed record TableCopy(long Kept, long Dropped, int Stretches);

    /// <summary>
    /// Reads a table by rowid, <see cref="Batch"/> rows a statement. A read that fails keeps what came before
    /// it; the reader then looks for the next reachable rowid beyond the failure and goes on from there.
    /// </summary>
    private static async Task<TableCopy> CopyTableAsync(SqliteConnection source, SqliteConnection fresh, string table, List<string> columns, Func<object?[], bool> accept, CancellationToken cancellationToken)
    {
        var select = $"SELECT rowid, {string.Join(", ", columns.Select(c => Quote(c, '"')))} FROM {Quote(table, '"')} WHERE rowid > $after ORDER BY rowid LIMIT {Batch}";
        var insert = $"INSERT OR IGNORE INTO {Quote(table, '"')} ({string.Join(", ", columns.Select(c => Quote(c, '"')))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        long after = long.MinValue, kept = 0, dropped = 0;
        var stretches = 0;
        using var transaction = fresh.BeginTransaction();
        while (true)
        {
            var rows = new List<(long RowId, object?[] Values)>();
            var failed = false;
            try
            {
                await using var command = source.CreateCommand();
                command.CommandText = select;
                command.Parameters.AddWithValue("$after", after);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var values = new object?[columns.Count];
                    for (var i = 0; i < columns.Count; i++)
                    {
                        values[i] = reader.IsDBNull(i + 1) ? null : reader.GetValue(i + 1);
                    }

                    rows.Add((reader.GetInt64(0), values));
                }
            }
            catch (SqliteException)
            {
                failed = true;
            }

            foreach (var (rowId, values) in rows)
            {
                after = rowId;
                if (!accept(values))
                {
                    dropped++;
                    continue;
                }

                await using var command = fresh.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = insert;
                for (var i = 0; i < values.Length; i++)
                {
                    command.Parameters.AddWithValue("$p" + i, values[i] ?? DBNull.Value);
                }

                kept += await command.ExecuteNonQueryAsync(cancellationToken);
            }

            if (!failed)
            {
                if (rows.Count < Batch)
                {
                    break;
                }

                continue;
            }

            stretches++;
            var next = await NextReachableAsync(source, table, after, cancellationToken);
            if (next is null)
            {
                break;
            }

            after = next.Value - 1;
        }

        transaction.Commit();
        return new TableCopy(kept, dropped, stretches);
    }

    /// <summary>
    /// The smallest rowid past <paramref name="failedAfter"/> that can be read: the rows right after the last
    /// good one are tried one by one (a single bad row costs only itself), then a search jumps ahead in growing
    /// steps (a lost page holds a run of rowids) and narrows back to the first readable one.
    /// </summary>
    private static async Task<long?> NextReachableAsync(SqliteConnection source, string table, long failedAfter, CancellationToken cancellationToken)
    {
        // Reading from the row after the last good one fails (that is how we got here).
        var failing = failedAfter == long.MinValue ? 0 : failedAfter + 1;
        for (var step = 1L; step <= 1L << 62; step *= 2)
        {
            var probe = SaturatingAdd(failing, step);
            var found = await FirstReadableFromAsync(source, table, probe, cancellationToken);
            if (!found.Reached)
            {
                if (probe == long.MaxValue)
                {
                    return null;
                }

                continue;
            }

            // Narrow back between the last failing point and this one to lose as few rows as possible.
            var low = step == 1 ? failing : SaturatingAdd(failing, step / 2);
            var high = probe;
            while (high - low > 1)
            {
                var middle = low + ((high - low) / 2);
                var attempt = await FirstReadableFromAsync(source, table, middle, cancellationToken);
                if (attempt.Reached)
                {
                    high = middle;
                    found = attempt;
                }
                else
                {
                    low = middle;
                }
            }

            return found.RowId;
        }

        return null;
    }

    /// <summary>Whether a row at or after <paramref name="from"/> can be read whole; its rowid, or null past the end.</summary>
    private static async Task<(bool Reached, long? RowId)> FirstReadableFromAsync(SqliteConnection source, string table, long from, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = source.CreateCommand();
            command.CommandText = $"SELECT rowid, * FROM {Quote(table, '"')} WHERE rowid >= $from ORDER BY rowid LIMIT 1";
            command.Parameters.AddWithValue("$from", from);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return (true, null);
            }

            // Reading every column walks the row's overflow pages too.
            for (var i = 1; i < reader.FieldCount; i++)
            {
                _ = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            return (true, reader.GetInt64(0));
        }
        catch (SqliteException)
        {
            return (false, null);
        }
    }

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    /// <summary>Content checks per table: what would mislead the node later is dropped here.</summary>
    private static bool Accept(string table, List<string> columns, object?[] values, string nodeId, List<ChangeEntry> ownLog)
    {
        object? Value(string column) => columns.IndexOf(column) is >= 0 and var i ? values[i] : null;
        try
        {
            switch (table)
            {
                case "change_log":
                    var entry = ChangeCodec.DecodeEntry((string)Value("entry")!);
                    if (entry.OriginNode != nodeId)
                    {
                        return false;
                    }

                    ownLog.Add(entry);
                    return true;
                case "records":
                    _ = Guid.Parse((string)Value("id")!);
                    _ = ChangeCodec.DecodeFields((string)Value("fields")!);
                    return true;
                case "blobs":
                    var data = Value("data") as byte[] ?? [];
                    // Released content (housekeeping freed it; the hub holds it) is legitimately empty.
                    // Sealed content is checked by its tag when it is read.
                    return data.Length == 0 || BlobStore.HashOf(data) == (string?)Value("sha256") || OneStop.Core.Privacy.PersonalDataCipher.IsSealedContent(data);
                case "meta":
                    return !DroppedMetaKeys.Contains((string?)Value("key"));
                default:
                    return true;
            }
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or InvalidCastException or KeyNotFoundException or ArgumentException or NullReferenceException)
        {
            return false;
        }
    }

    /// <summary>Merges every kept own entry into the records again; the merge is idempotent, so a record that survived is unchanged.</summary>
    private static async Task<long> ReplayOwnLogAsync(SqliteConnection fresh, List<ChangeEntry> ownLog, CancellationToken cancellationToken)
    {
        long rebuilt = 0;
        using var transaction = fresh.BeginTransaction();
        foreach (var entry in ownLog.OrderBy(e => e.OriginSeq))
        {
            var before = await RecordTable.LoadAsync(fresh, transaction, entry.RecordId, cancellationToken);
            rebuilt += before is null ? 1 : 0;
            await RecordTable.MergeAsync(fresh, transaction, RecordSealing.Open(fresh, entry), cancellationToken);
        }

        transaction.Commit();
        return rebuilt;
    }

    /// <summary>A new incarnation's log has no gaps: the kept entries are numbered 1..n in their old order.</summary>
    private static async Task<long> RenumberLogAsync(SqliteConnection fresh, List<ChangeEntry> ownLog, CancellationToken cancellationToken)
    {
        using var transaction = fresh.BeginTransaction();
        await SqliteDatabase.ExecuteAsync(fresh, "DELETE FROM change_log", cancellationToken, transaction);
        long seq = 0;
        foreach (var entry in ownLog.OrderBy(e => e.OriginSeq))
        {
            seq++;
            await using var command = fresh.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO change_log (seq, record_id, entry) VALUES ($seq, $record, $entry)";
            command.Parameters.AddWithValue("$seq", seq);
            command.Parameters.AddWithValue("$record", entry.RecordId.ToString());
            command.Parameters.AddWithValue("$entry", ChangeCodec.EncodeEntry(entry with { OriginSeq = seq }));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        transaction.Commit();
        return seq;
    }

    /// <summary>The new incarnation, and a clock reading no lower than any version kept (the HLC never goes back).</summary>
    private static async Task WriteMetaAsync(SqliteConnection fresh, List<ChangeEntry> ownLog, string incarnation, CancellationToken cancellationToken)
    {
        using var transaction = fresh.BeginTransaction();
        var saved = await MetaTable.ReadAsync(fresh, transaction, MetaKeys.Clock, cancellationToken);
        var clock = saved is null ? HlcTimestamp.Zero : HlcText.Parse(saved);
        foreach (var field in ownLog.SelectMany(e => e.Fields))
        {
            clock = field.Version > clock ? field.Version : clock;
        }

        if (clock > HlcTimestamp.Zero)
        {
            await MetaTable.WriteAsync(fresh, transaction, MetaKeys.Clock, HlcText.Format(clock), cancellationToken);
        }

        await MetaTable.WriteAsync(fresh, transaction, MetaKeys.Incarnation, incarnation, cancellationToken);
        transaction.Commit();
    }

    private static string Quote(string name, char quote) => quote + name.Replace(quote.ToString(), new string(quote, 2), StringComparison.Ordinal) + quote;

    internal static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
