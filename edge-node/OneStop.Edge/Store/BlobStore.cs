using System.Security.Cryptography;
using OneStop.Storage;

namespace OneStop.Edge.Store;

/// <summary>
/// Attachment content on the node, addressed by SHA-256 so a scan attached twice is stored once.
/// Content lives in the same SQLite file as the records: the attachment record and its bytes commit
/// together, and a power cut cannot leave a record pointing at a half-written file.
/// </summary>
public sealed class BlobStore(SqliteDatabase database, TimeProvider? time = null)
{
    public static string HashOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Blobs the hub does not hold yet, oldest first.</summary>
    public async Task<IReadOnlyList<PendingBlob>> ListPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sha256, size, content_type FROM blobs WHERE uploaded = 0 ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<PendingBlob>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new PendingBlob(reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
        }

        return list;
    }

    /// <summary>The content, or null when absent. Content that no longer hashes to its name is reported, never sent.</summary>
    public async Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Content housekeeping freed (the hub holds it) is absent here, not damaged.
        command.CommandText = """
            SELECT data FROM blobs WHERE sha256 = $sha
            AND NOT EXISTS (SELECT 1 FROM blob_uploads WHERE sha256 = $sha AND released_ms IS NOT NULL)
            """;
        command.Parameters.AddWithValue("$sha", sha256);
        if (await command.ExecuteScalarAsync(cancellationToken) is not byte[] stored)
        {
            return null;
        }

        // Content written before sealing is read as it is; sealed content that fails its tag is damaged like any other.
        var data = database.Cipher?.OpenContent(sha256, stored) ?? stored;

        if (HashOf(data) != sha256)
        {
            throw new InvalidDataException($"Attachment {sha256} is damaged on this node's disk: its content no longer matches its hash.");
        }

        return data;
    }

    /// <summary>Whether this node has a row for the content (held, or held once and freed by housekeeping).</summary>
    public async Task<bool> HoldsAsync(string sha256, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM blobs WHERE sha256 = $sha";
        command.Parameters.AddWithValue("$sha", sha256);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>
    /// Keeps content fetched from the hub (a file a resident attached online), checked against its name first.
    /// Counted as uploaded from the start: the hub is where it came from, so it is never sent back. Sealed at rest like
    /// content filed at the desk (a scan filed online is a resident's papers all the same).
    /// </summary>
    public async Task StoreFetchedAsync(string sha256, string contentType, byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (HashOf(content) != sha256)
        {
            throw new InvalidDataException($"Fetched content does not hash to {sha256}.");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO blobs (sha256, size, content_type, data, uploaded) VALUES ($sha, $size, $type, $data, 1)
            ON CONFLICT(sha256) DO NOTHING;
            INSERT INTO blob_uploads (sha256, uploaded_ms) VALUES ($sha, $now) ON CONFLICT(sha256) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$sha", sha256);
        command.Parameters.AddWithValue("$size", content.LongLength);
        command.Parameters.AddWithValue("$type", contentType);
        command.Parameters.AddWithValue("$data", database.Cipher?.SealContent(sha256, content) ?? content);
        command.Parameters.AddWithValue("$now", (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task MarkUploadedAsync(string sha256, CancellationToken cancellationToken = default) =>
        database.Writes.RunAsync(WriteLane.Background, async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // When the hub confirmed it: housekeeping frees content only some days after that.
            command.CommandText = """
                UPDATE blobs SET uploaded = 1 WHERE sha256 = $sha;
                INSERT INTO blob_uploads (sha256, uploaded_ms) VALUES ($sha, $now) ON CONFLICT(sha256) DO NOTHING;
                """;
            command.Parameters.AddWithValue("$sha", sha256);
            command.Parameters.AddWithValue("$now", (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}

/// <summary>A blob waiting for upload.</summary>
public sealed record PendingBlob(string Sha256, long Size, string ContentType);
