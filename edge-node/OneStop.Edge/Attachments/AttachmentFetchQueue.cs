using System.Globalization;
using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Core.Privacy;
using OneStop.Edge.Store;
using OneStop.Storage;

namespace OneStop.Edge.Attachments;

/// <summary>
/// What the node still has to fetch from the hub, and the pieces of it already here. Pieces live in their own
/// table, one row per piece committed on its own, so a cut costs at most the piece in flight; the content becomes
/// visible (in <see cref="BlobStore"/>) only once whole and checked.
/// </summary>
public sealed class AttachmentFetchQueue(SqliteDatabase database, EdgeStore store, BlobStore blobs, TimeProvider time)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS attachment_fetches (
            sha256 TEXT PRIMARY KEY,
            attachment_id TEXT NOT NULL,
            size INTEGER NOT NULL,
            content_type TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_ms INTEGER NOT NULL DEFAULT 0,
            last_error TEXT
        );
        CREATE TABLE IF NOT EXISTS attachment_fetch_pieces (
            sha256 TEXT NOT NULL,
            "offset" INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (sha256, "offset")
        );
        """;

    /// <summary>Meta key: the records' <c>updated_seq</c> up to which attachment records were looked at.</summary>
    private const string ScannedKey = "attachment_fetch_scanned";

    private const int ScanPage = 500;

    private readonly SchemaOnce _schema = new(database, Schema);

    /// <summary>
    /// Queues the content of attachment records (pulled, or repaired) that this node does not hold. Only records
    /// changed since the last scan are read, so a round that pulled nothing costs one indexed query.
    /// </summary>
    public async Task<int> ScanAsync(long maxBytes, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken);
        var queued = 0;
        while (true)
        {
            var scanned = await ReadScannedAsync(cancellationToken);
            var page = await ChangedAttachmentsAsync(scanned, cancellationToken);
            foreach (var (id, _) in page)
            {
                if (await store.GetAsync(id, cancellationToken) is not { } record || record.IsDeleted
                    || Text(record, "sha256") is not { Length: 64 } sha || await blobs.HoldsAsync(sha, cancellationToken))
                {
                    continue;
                }

                var size = record.GetJson("size") is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
                queued += await EnqueueAsync(sha, id, size, Text(record, "content_type") ?? "application/octet-stream", size is <= 0 || size > maxBytes, cancellationToken);
            }

            if (page.Count > 0)
            {
                await WriteScannedAsync(page[^1].Seq, cancellationToken);
            }

            if (page.Count < ScanPage)
            {
                return queued;
            }
        }
    }

    /// <summary>Queued fetches whose next attempt is due, oldest first.</summary>
    public async Task<IReadOnlyList<QueuedFetch>> ListDueAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT f.sha256, f.attachment_id, f.size, f.content_type, f.attempts,
                   (SELECT COALESCE(SUM(length(p.data) - CASE WHEN substr(p.data, 1, 4) = $sealed THEN $overhead ELSE 0 END), 0)
                    FROM attachment_fetch_pieces p WHERE p.sha256 = f.sha256)
            FROM attachment_fetches f WHERE f.next_attempt_ms <= $now ORDER BY f.rowid
            """;
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        // Pieces are sealed at rest: what is held is counted in the content's own bytes, without the seal's.
        command.Parameters.AddWithValue("$sealed", PersonalDataCipher.ContentMagic.ToArray());
        command.Parameters.AddWithValue("$overhead", PersonalDataCipher.ContentOverhead);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<QueuedFetch>();
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new QueuedFetch(reader.GetString(0), Guid.Parse(reader.GetString(1)), reader.GetInt64(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt64(5)));
        }

        return due;
    }

    /// <summary>How many contents wait, and the last reason one failed (null if none did).</summary>
    public async Task<(int Waiting, string? LastError)> ReadStateAsync(CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*), (SELECT last_error FROM attachment_fetches WHERE last_error IS NOT NULL ORDER BY rowid DESC LIMIT 1)
            FROM attachment_fetches
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    /// <summary>
    /// Keeps one piece at <paramref name="offset"/>, committed on its own, sealed like every other content on the card (a
    /// scan cut mid-fetch waits here, sometimes for days). The piece's name includes its offset, so pieces cannot be
    /// reordered or moved to another content without failing their tag.
    /// </summary>
    public async Task AppendAsync(string sha256, long offset, byte[] data, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO attachment_fetch_pieces (sha256, \"offset\", data) VALUES ($sha, $offset, $data) ON CONFLICT DO NOTHING";
        command.Parameters.AddWithValue("$sha", sha256);
        command.Parameters.AddWithValue("$offset", offset);
        command.Parameters.AddWithValue("$data", database.Cipher?.SealContent(PieceName(sha256, offset), data) ?? data);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The pieces held, in order, opened, as one buffer (the caller checks it against its SHA-256).</summary>
    public async Task<byte[]> AssembleAsync(string sha256, long size, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"offset\", data FROM attachment_fetch_pieces WHERE sha256 = $sha ORDER BY \"offset\"";
        command.Parameters.AddWithValue("$sha", sha256);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        using var buffer = new MemoryStream((int)Math.Min(size, int.MaxValue));
        while (await reader.ReadAsync(cancellationToken))
        {
            // A piece kept before sealing reads as it is; one that fails its tag stays sealed and fails the hash check.
            var stored = (byte[])reader.GetValue(1);
            buffer.Write(database.Cipher?.OpenContent(PieceName(sha256, reader.GetInt64(0)), stored) ?? stored);
        }

        return buffer.ToArray();
    }

    /// <summary>The content is in the blob store: its queue entry and pieces go.</summary>
    public Task CompleteAsync(string sha256, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM attachment_fetch_pieces WHERE sha256 = $sha; DELETE FROM attachment_fetches WHERE sha256 = $sha;", sha256, cancellationToken);

    /// <summary>
    /// An attempt failed: the reason is kept for the sync status and the next attempt waits <paramref name="retryAfter"/>.
    /// With <paramref name="discardPieces"/> (content that did not match its hash) it starts again from the first byte.
    /// </summary>
    public async Task FailAsync(string sha256, string reason, TimeSpan retryAfter, bool discardPieces, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = SqliteDatabase.BeginWrite(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = (discardPieces ? "DELETE FROM attachment_fetch_pieces WHERE sha256 = $sha;" : string.Empty) + """
            UPDATE attachment_fetches SET attempts = attempts + 1, last_error = $error, next_attempt_ms = $next WHERE sha256 = $sha;
            """;
        command.Parameters.AddWithValue("$sha", sha256);
        command.Parameters.AddWithValue("$error", reason);
        command.Parameters.AddWithValue("$next", (time.GetUtcNow() + retryAfter).ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
        transaction.Commit();
    }

    private async Task<int> EnqueueAsync(string sha256, Guid id, long size, string contentType, bool refused, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // A size this node does not take stays listed with its reason and is never asked for.
        command.CommandText = """
            INSERT INTO attachment_fetches (sha256, attachment_id, size, content_type, next_attempt_ms, last_error)
            VALUES ($sha, $id, $size, $type, $next, $error) ON CONFLICT(sha256) DO NOTHING
            """;
        command.Parameters.AddWithValue("$sha", sha256);
        command.Parameters.AddWithValue("$id", id.ToString());
        command.Parameters.AddWithValue("$size", size);
        command.Parameters.AddWithValue("$type", contentType);
        command.Parameters.AddWithValue("$next", refused ? long.MaxValue : 0);
        command.Parameters.AddWithValue("$error", refused ? $"attachment {id}: size {size} is not one this node takes" : DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<(Guid Id, long Seq)>> ChangedAttachmentsAsync(long after, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, updated_seq FROM records WHERE type = $type AND updated_seq > $after ORDER BY updated_seq LIMIT $limit";
        command.Parameters.AddWithValue("$type", RecordTypes.Attachment);
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$limit", ScanPage);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var page = new List<(Guid, long)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add((Guid.Parse(reader.GetString(0)), reader.GetInt64(1)));
        }

        return page;
    }

    private async Task<long> ReadScannedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return long.TryParse(await MetaTable.ReadAsync(connection, null, ScannedKey, cancellationToken), NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : 0;
    }

    private async Task WriteScannedAsync(long seq, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = SqliteDatabase.BeginWrite(connection);
        await MetaTable.WriteAsync(connection, transaction, ScannedKey, seq.ToString(CultureInfo.InvariantCulture), cancellationToken);
        transaction.Commit();
    }

    private async Task ExecuteAsync(string sql, string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$sha", sha256);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string PieceName(string sha256, long offset) => string.Create(CultureInfo.InvariantCulture, $"{sha256}@{offset}");

    private static string? Text(StoredRecord record, string field) =>
        record.GetJson(field) is { } json ? JsonSerializer.Deserialize<string>(json) : null;
}

/// <summary>A content waiting to be fetched; <c>Held</c> is the bytes of it already on this node (an earlier attempt was cut).</summary>
public sealed record QueuedFetch(string Sha256, Guid AttachmentId, long Size, string ContentType, int Attempts, long Held);
