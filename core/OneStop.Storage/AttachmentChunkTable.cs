using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace OneStop.Storage;

/// <summary>
/// The hub's attachment content as chunk rows keyed by (sha256, offset). With a cipher on the connection, content is
/// written to <c>attachment_sealed_chunks</c> in pieces of at most <see cref="SegmentBytes"/>, each sealed on its own
/// (AES-GCM, fresh nonce, the blob's name and the piece's offset bound): a resumed upload adds rows, a ranged read opens
/// only the rows it covers, and a row moved to another offset or blob fails its tag. <c>attachment_chunks</c> holds content
/// in clear: what a hub wrote before sealing (until its one-time pass moves it, <see cref="SealClearRowsAsync"/>), or a
/// store without a cipher. The table tells the two forms apart, never the bytes, so no content can pass for the other form.
/// </summary>
public static class AttachmentChunkTable
{
    /// <summary>Most content bytes in one sealed row: the most a ranged read opens to serve any piece of it.</summary>
    public const int SegmentBytes = 64 * 1024;

    public const string SqliteSchema = """
        CREATE TABLE IF NOT EXISTS attachment_sealed_chunks (
            sha256 TEXT NOT NULL,
            "offset" INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (sha256, "offset")
        );
        """;

    public const string PostgresSchema = """
        CREATE TABLE IF NOT EXISTS attachment_sealed_chunks (
            sha256 TEXT NOT NULL,
            "offset" BIGINT NOT NULL,
            data BYTEA NOT NULL,
            PRIMARY KEY (sha256, "offset")
        );
        """;

    /// <summary>Stores <paramref name="data"/> at <paramref name="offset"/> of blob <paramref name="sha256"/>: sealed when the connection carries a cipher.</summary>
    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, string sha256, long offset, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (RecordSealing.Of(connection) is not { } cipher)
        {
            await InsertAsync(connection, transaction, "attachment_chunks", sha256, offset, data.ToArray(), cancellationToken);
            return;
        }

        for (var at = 0; at < data.Length; at += SegmentBytes)
        {
            var piece = data.Slice(at, Math.Min(SegmentBytes, data.Length - at));
            await InsertAsync(connection, transaction, "attachment_sealed_chunks", sha256, offset + at, cipher.SealChunk(sha256, offset + at, piece), cancellationToken);
        }
    }

    /// <summary>Where the blob's rows lie, in order, with their content lengths; refuses a layout with a gap or an overlap (rows lost or planted).</summary>
    public static async Task<IReadOnlyList<ChunkRow>> LayoutAsync(DbConnection connection, DbTransaction? transaction, string sha256, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT "offset", length(data), 0 FROM attachment_chunks WHERE sha256 = @sha
            UNION ALL SELECT "offset", length(data) - {Overhead}, 1 FROM attachment_sealed_chunks WHERE sha256 = @sha
            ORDER BY 1
            """;
        command.AddParameter("@sha", sha256);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ChunkRow>();
        var expected = 0L;
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new ChunkRow(reader.GetInt64(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) == 1);
            expected = Follow(sha256, expected, row.Start, row.Length);
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Content bytes [<paramref name="from"/>, +<paramref name="count"/>) of one row: a sealed row is opened whole (its tag covers all of it), a clear one cut by the database.</summary>
    public static async Task<byte[]> ReadAsync(DbConnection connection, DbTransaction? transaction, string sha256, ChunkRow row, int from, int count, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // substr counts from 1 on both engines, in bytes for a blob (SQLite) and a bytea (PostgreSQL).
        command.CommandText = row.Sealed
            ? "SELECT data FROM attachment_sealed_chunks WHERE sha256 = @sha AND \"offset\" = @start"
            : "SELECT substr(data, @from, @count) FROM attachment_chunks WHERE sha256 = @sha AND \"offset\" = @start";
        command.AddParameter("@sha", sha256);
        command.AddParameter("@start", row.Start);
        command.AddParameter("@from", from + 1);
        command.AddParameter("@count", count);
        var stored = await command.ExecuteScalarAsync(cancellationToken) as byte[]
            ?? throw new InvalidDataException($"attachment {sha256} lost its chunk at {row.Start} while it was read");
        if (!row.Sealed)
        {
            return stored;
        }

        var plain = Open(connection, sha256, row.Start, stored);
        return from == 0 && count == plain.Length ? plain : plain.AsSpan(from, count).ToArray();
    }

    /// <summary>The blob's content row by row from its start, opened; throws <see cref="InvalidDataException"/> at a row that fails its tag or a gap.</summary>
    public static async IAsyncEnumerable<byte[]> ReadAllAsync(DbConnection connection, DbTransaction? transaction, string sha256, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT "offset", data, 0 FROM attachment_chunks WHERE sha256 = @sha
            UNION ALL SELECT "offset", data, 1 FROM attachment_sealed_chunks WHERE sha256 = @sha
            ORDER BY 1
            """;
        command.AddParameter("@sha", sha256);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var expected = 0L;
        while (await reader.ReadAsync(cancellationToken))
        {
            var start = reader.GetInt64(0);
            var stored = (byte[])reader.GetValue(1);
            var content = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) == 1 ? Open(connection, sha256, start, stored) : stored;
            expected = Follow(sha256, expected, start, content.Length);
            yield return content;
        }
    }

    /// <summary>Drops every row of the blob, in either form.</summary>
    public static async Task DeleteAsync(DbConnection connection, DbTransaction transaction, string sha256, CancellationToken cancellationToken = default)
    {
        await using var drop = connection.CreateCommand();
        drop.Transaction = transaction;
        drop.CommandText = "DELETE FROM attachment_chunks WHERE sha256 = @sha; DELETE FROM attachment_sealed_chunks WHERE sha256 = @sha;";
        drop.AddParameter("@sha", sha256);
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The blobs with content in clear (written before the hub sealed).</summary>
    public static async Task<IReadOnlyList<string>> ListClearBlobsAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT sha256 FROM attachment_chunks";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var blobs = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            blobs.Add(reader.GetString(0));
        }

        return blobs;
    }

    /// <summary>
    /// Rewrites the blob's clear rows sealed, piece by piece (a whole file stored as one row is cut by the database, never
    /// loaded whole), and drops them; returns the clear rows moved. Offsets and content stay, so a resumed upload or a
    /// ranged read sees the same blob.
    /// </summary>
    public static async Task<int> SealClearRowsAsync(DbConnection connection, DbTransaction transaction, string sha256, CancellationToken cancellationToken = default)
    {
        if (RecordSealing.Of(connection) is null)
        {
            throw new InvalidOperationException("The connection carries no cipher.");
        }

        var clear = (await LayoutAsync(connection, transaction, sha256, cancellationToken)).Where(row => !row.Sealed).ToList();
        foreach (var row in clear)
        {
            for (var at = 0L; at < row.Length; at += SegmentBytes)
            {
                var count = (int)Math.Min(SegmentBytes, row.Length - at);
                var piece = await ReadAsync(connection, transaction, sha256, row, (int)at, count, cancellationToken);
                await WriteAsync(connection, transaction, sha256, row.Start + at, piece, cancellationToken);
            }
        }

        await using var drop = connection.CreateCommand();
        drop.Transaction = transaction;
        drop.CommandText = "DELETE FROM attachment_chunks WHERE sha256 = @sha";
        drop.AddParameter("@sha", sha256);
        await drop.ExecuteNonQueryAsync(cancellationToken);
        return clear.Count;
    }

    private const int Overhead = OneStop.Core.Privacy.PersonalDataCipher.ChunkOverhead;

    private static byte[] Open(DbConnection connection, string sha256, long offset, byte[] stored)
    {
        var cipher = RecordSealing.Of(connection)
            ?? throw new InvalidDataException($"attachment {sha256} is sealed and this connection carries no key to open it");
        return cipher.OpenChunk(sha256, offset, stored)
            ?? throw new InvalidDataException($"the chunk at {offset} of attachment {sha256} fails its seal: altered, moved from another place, or sealed under another key");
    }

    private static long Follow(string sha256, long expected, long start, long length) =>
        start == expected ? start + length : throw new InvalidDataException($"attachment {sha256} has a chunk at {start} where {expected} was expected: rows lost or planted");

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string table, string sha256, long offset, byte[] data, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {table} (sha256, \"offset\", data) VALUES (@sha, @offset, @data)";
        insert.AddParameter("@sha", sha256);
        insert.AddParameter("@offset", offset);
        insert.AddParameter("@data", data);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>One stored row of a blob: where its content starts, how many content bytes it holds, and whether it is sealed.</summary>
public readonly record struct ChunkRow(long Start, long Length, bool Sealed);
