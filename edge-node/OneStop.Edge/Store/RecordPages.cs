using OneStop.Storage;

namespace OneStop.Edge.Store;

/// <summary>
/// Records of one type a page at a time, newest first, with a cursor: a list that stops at a fixed count without
/// saying so reads as data loss. Ids are UUIDv7, so their text order is their creation order.
/// </summary>
public sealed class RecordPages(SqliteDatabase database)
{
    /// <summary>Default page size: 500.</summary>
    public const int DefaultLimit = 500;

    /// <summary>Largest page: 2,000.</summary>
    public const int MaxLimit = 2_000;

    /// <summary>
    /// A page of <paramref name="type"/> records before the cursor <paramref name="before"/> (the last id of the previous
    /// page; null for the first), at most <paramref name="limit"/> (clamped to 1 … <see cref="MaxLimit"/>).
    /// </summary>
    public async Task<RecordPage> ReadAsync(string type, Guid? before, int limit, CancellationToken cancellationToken = default)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, scope, data FROM records WHERE type = $type AND ($before IS NULL OR id < $before)
            ORDER BY id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$type", type);
        command.Parameters.AddWithValue("$before", before is { } id ? id.ToString() : DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit + 1);
        var items = new List<RecordData>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var recordId = Guid.Parse(reader.GetString(0));
                items.Add(new RecordData(recordId, type, reader.GetString(1), RecordSealing.OpenValues(connection, recordId, reader.GetString(2))));
            }
        }

        var total = await RecordTable.CountAsync(connection, type, cancellationToken);
        var more = items.Count > limit;
        return more ? new RecordPage(items[..limit], total, items[limit - 1].Id) : new RecordPage(items, total, null);
    }
}

/// <param name="Items">This page, newest first.</param>
/// <param name="Total">Records of the type in all pages.</param>
/// <param name="Next">The cursor of the next page; null on the last.</param>
public sealed record RecordPage(IReadOnlyList<RecordData> Items, long Total, Guid? Next);
