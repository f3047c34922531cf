using System.Data.Common;
using OneStop.Core.Repair;

namespace OneStop.Storage;

/// <summary>
/// Each record's anti-entropy leaf (<see cref="RecordDigest"/>), cached beside the records table and
/// keyed by the record's updated_seq: every save gives a record a new updated_seq, so a stale row is one
/// whose seq differs, and a digest of an unchanged scope reads the cache without decoding a record.
/// Both ends keep it, so both compute the same leaves with the same code.
/// </summary>
public static class RecordDigestTable
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS record_digests (
            id TEXT PRIMARY KEY,
            scope TEXT NOT NULL,
            updated_seq INTEGER NOT NULL,
            position INTEGER NOT NULL,
            hash INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS record_digests_scope ON record_digests(scope);
        """;

    /// <summary>The leaves of every record of <paramref name="scope"/>, refreshing the cached ones that changed.</summary>
    public static async Task<DigestTree> ReadTreeAsync(IStoreDatabase database, string scope, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);

        // Created here rather than in each store's schema: the cache belongs to this code, whichever end runs it.
        // (A PostgreSQL store creates it in its versioned migrations, with 64-bit columns.)
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            await SqliteDatabase.ExecuteAsync(sqlite, Schema, cancellationToken);
        }

        await RefreshAsync(database, connection, scope, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, position, hash FROM record_digests WHERE scope = @scope";
        command.AddParameter("@scope", scope);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var leaves = new List<DigestLeaf>();
        while (await reader.ReadAsync(cancellationToken))
        {
            leaves.Add(new DigestLeaf(Guid.Parse(reader.GetString(0)), unchecked((ulong)reader.GetInt64(1)), unchecked((ulong)reader.GetInt64(2))));
        }

        return new DigestTree(leaves);
    }

    private static async Task RefreshAsync(IStoreDatabase database, DbConnection connection, string scope, CancellationToken cancellationToken)
    {
        var stale = new List<(string Id, long Seq, Core.Changes.StoredRecord Record)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT r.id, r.type, r.updated_seq, r.fields FROM records r
                LEFT JOIN record_digests d ON d.id = r.id
                WHERE r.scope = @scope AND (d.updated_seq IS NULL OR d.updated_seq <> r.updated_seq)
                """;
            command.AddParameter("@scope", scope);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                // Digests compare values across replicas: of the opened values, never of ciphertexts (their nonces differ).
                stale.Add((id, reader.GetInt64(2), RecordSealing.Open(connection, new Core.Changes.StoredRecord(Guid.Parse(id), reader.GetString(1), scope, ChangeCodec.DecodeFields(reader.GetString(3))))));
            }
        }

        if (stale.Count == 0)
        {
            return;
        }

        // A cache row written from a record that changed meanwhile carries the old seq and is refreshed next time.
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        foreach (var (id, seq, record) in stale)
        {
            var leaf = RecordDigest.Leaf(record);
            await using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO record_digests (id, scope, updated_seq, position, hash) VALUES (@id, @scope, @seq, @position, @hash)
                ON CONFLICT(id) DO UPDATE SET updated_seq = excluded.updated_seq, position = excluded.position, hash = excluded.hash
                """;
            upsert.AddParameter("@id", id);
            upsert.AddParameter("@scope", scope);
            upsert.AddParameter("@seq", seq);
            upsert.AddParameter("@position", unchecked((long)leaf.Position));
            upsert.AddParameter("@hash", unchecked((long)leaf.Hash));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
