using OneStop.Edge.Store;
using OneStop.Storage;

namespace OneStop.Edge.Attachments.Scans;

/// <summary>
/// The full-size capture behind each shrunk scan. It stays on the node, out of the <c>blobs</c> table the uploader
/// drains, so only the small copy travels; <see cref="ReleaseAsync"/> hands it to the uploader when the hub asks.
/// Sealed under the node's data key like the blobs (same form, its hash as associated data), so a release copies the
/// sealed bytes as they are and the uploader opens them as it opens any blob.
/// </summary>
public sealed class ScanOriginals(SqliteDatabase database)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS scan_originals (
            sha256 TEXT PRIMARY KEY,
            small_sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            content_type TEXT NOT NULL,
            data BLOB NOT NULL
        );
        """;

    private readonly SchemaOnce _schema = new(database, Schema);

    public async Task KeepAsync(string sha256, string smallSha256, string contentType, byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await _schema.EnsureAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO scan_originals (sha256, small_sha256, size, content_type, data) VALUES ($sha, $small, $size, $type, $data)
            ON CONFLICT(sha256) DO NOTHING
            """;
        command.Parameters.AddWithValue("$sha", sha256);
        command.Parameters.AddWithValue("$small", smallSha256);
        command.Parameters.AddWithValue("$size", content.LongLength);
        command.Parameters.AddWithValue("$type", contentType);
        command.Parameters.AddWithValue("$data", database.Cipher?.SealContent(sha256, content) ?? content);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The original and its media type, or null when this node holds no original of that hash.</summary>
    public async Task<(string ContentType, byte[] Content)?> ReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT content_type, data FROM scan_originals WHERE sha256 = $sha";
        command.Parameters.AddWithValue("$sha", sha256);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        // An original kept before sealing reads as it is; one that fails its tag is caught by the hash check below.
        var stored = (byte[])reader.GetValue(1);
        var content = database.Cipher?.OpenContent(sha256, stored) ?? stored;
        if (BlobStore.HashOf(content) != sha256)
        {
            throw new InvalidDataException($"The original scan {sha256} is damaged on this node's disk: its content no longer matches its hash.");
        }

        return (reader.GetString(0), content);
    }

    /// <summary>
    /// Queues the original for upload like any attachment content (the hub asked for it). Returns false when this
    /// node holds no such original. Uploading is idempotent on the hub's side: content is addressed by its hash.
    /// </summary>
    public async Task<bool> ReleaseAsync(string sha256, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO blobs (sha256, size, content_type, data)
            SELECT sha256, size, content_type, data FROM scan_originals WHERE sha256 = $sha
            ON CONFLICT(sha256) DO NOTHING;
            SELECT COUNT(*) FROM scan_originals WHERE sha256 = $sha;
            """;
        command.Parameters.AddWithValue("$sha", sha256);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }
}
