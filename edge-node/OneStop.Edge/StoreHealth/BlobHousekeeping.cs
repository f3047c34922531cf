using Microsoft.Extensions.Options;
using OneStop.Storage;

namespace OneStop.Edge.StoreHealth;

/// <param name="Blobs">Attachment contents freed.</param>
/// <param name="Bytes">Their size.</param>
public sealed record HousekeepingResult(int Blobs, long Bytes);

/// <summary>
/// Frees space without touching anything the hub does not hold: only the content of attachments the hub
/// confirmed (uploaded = 1) at least <see cref="StoreHealthOptions.ReleaseUploadedAfterDays"/> days ago. The
/// attachment record, its hash and size stay; change-log entries are never deleted. Freed pages are reused
/// by SQLite for the next writes (no VACUUM: it needs as much free space again as the file, which a full
/// disk does not have). Leftovers of an interrupted recovery go too.
/// </summary>
public sealed class BlobHousekeeping(SqliteDatabase database, IOptions<StoreHealthOptions> options, TimeProvider time)
{
    /// <summary>When each blob was confirmed by the hub and when its content was freed.</summary>
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS blob_uploads (
            sha256 TEXT PRIMARY KEY,
            uploaded_ms INTEGER NOT NULL,
            released_ms INTEGER
        );
        """;

    public async Task<HousekeepingResult> RunAsync(CancellationToken cancellationToken = default)
    {
        RemoveRecoveryLeftovers();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var cutoff = now - (options.Value.ReleaseUploadedAfterDays * 86_400_000L);
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = SqliteDatabase.BeginWrite(connection);
        // Uploaded before their upload time was kept: count them from today, never from the past.
        await SqliteDatabase.ExecuteAsync(connection, $"""
            INSERT INTO blob_uploads (sha256, uploaded_ms)
            SELECT sha256, {now} FROM blobs WHERE uploaded = 1 AND sha256 NOT IN (SELECT sha256 FROM blob_uploads)
            """, cancellationToken, transaction);
        var released = new List<(string Sha, long Size)>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = """
                SELECT b.sha256, length(b.data) FROM blobs b JOIN blob_uploads u ON u.sha256 = b.sha256
                WHERE b.uploaded = 1 AND u.released_ms IS NULL AND u.uploaded_ms <= $cutoff AND length(b.data) > 0
                """;
            select.Parameters.AddWithValue("$cutoff", cutoff);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                released.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        foreach (var (sha, _) in released)
        {
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE blobs SET data = zeroblob(0) WHERE sha256 = $sha AND uploaded = 1;
                UPDATE blob_uploads SET released_ms = $now WHERE sha256 = $sha;
                """;
            update.Parameters.AddWithValue("$sha", sha);
            update.Parameters.AddWithValue("$now", now);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        transaction.Commit();
        return new HousekeepingResult(released.Count, released.Sum(r => r.Size));
    }

    private void RemoveRecoveryLeftovers()
    {
        var live = database.Path;
        foreach (var leftover in new[] { live + ".salvage-copy", live + ".salvage-new" })
        {
            StoreSalvage.DeleteDatabaseFiles(leftover);
        }
    }
}
