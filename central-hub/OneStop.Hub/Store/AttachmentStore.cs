using System.Data.Common;
using System.Security.Cryptography;
using OneStop.Storage;

namespace OneStop.Hub.Store;

/// <summary>
/// Content-addressed blobs (SHA-256). Each chunk commits on its own, so an upload cut at any byte
/// resumes from what the hub holds; the hash is checked once the last byte is in, and a blob that
/// does not match is dropped whole so the node sends it again. With the province's key on the connections the content is
/// sealed per stored chunk (<see cref="AttachmentChunkTable"/>); the SHA-256 is always over the plain content.
/// </summary>
public sealed class AttachmentStore(IHubDatabase database, long maxBlobBytes)
{
    /// <summary>Blobs in the hub's SQLite file (the default).</summary>
    public AttachmentStore(SqliteDatabase database, long maxBlobBytes)
        : this(new SqliteHubDatabase(database), maxBlobBytes)
    {
    }

    public long MaxBlobBytes { get; } = maxBlobBytes;

    public async Task<BlobState> QueryAsync(string sha256, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await ReadStateAsync(connection, null, sha256, cancellationToken) ?? new BlobState(sha256, 0, 0, false);
    }

    /// <summary>Stores one chunk; returns the state after it. Chunks the hub already holds are skipped.</summary>
    public async Task<BlobState> AppendAsync(string sha256, long totalSize, long offset, ReadOnlyMemory<byte> data, string contentType, CancellationToken cancellationToken = default)
    {
        if (!IsSha256Hex(sha256))
        {
            throw new BlobRefusedException(BlobRefusal.Malformed, $"'{sha256}' is not a SHA-256 in hex");
        }

        if (totalSize <= 0 || totalSize > MaxBlobBytes)
        {
            throw new BlobRefusedException(BlobRefusal.TooLarge, $"attachment of {totalSize} bytes; the limit is {MaxBlobBytes} bytes");
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await database.LockAsync(connection, transaction, ["blob:" + sha256], cancellationToken);
        var state = await ReadStateAsync(connection, transaction, sha256, cancellationToken) ?? new BlobState(sha256, totalSize, 0, false);
        if (state.Complete || offset + data.Length <= state.Received)
        {
            return state;
        }

        if (state.TotalSize != totalSize)
        {
            throw new BlobRefusedException(BlobRefusal.Malformed, $"size {totalSize} differs from the {state.TotalSize} declared before");
        }

        if (offset != state.Received)
        {
            throw new BlobRefusedException(BlobRefusal.OutOfOrder, $"expected offset {state.Received}, got {offset}");
        }

        if (offset + data.Length > totalSize)
        {
            throw new BlobRefusedException(BlobRefusal.Malformed, $"chunk at {offset} of {data.Length} bytes runs past the declared size {totalSize}");
        }

        await AttachmentChunkTable.WriteAsync(connection, transaction, sha256, offset, data, cancellationToken);

        var received = offset + data.Length;
        var complete = received == totalSize;
        if (complete && !await HashMatchesAsync(connection, transaction, sha256, cancellationToken))
        {
            await AttachmentChunkTable.DeleteAsync(connection, transaction, sha256, cancellationToken);
            await using (var drop = connection.CreateCommand())
            {
                drop.Transaction = transaction;
                drop.CommandText = "DELETE FROM attachments WHERE sha256 = @sha";
                drop.AddParameter("@sha", sha256);
                await drop.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            throw new BlobRefusedException(BlobRefusal.HashMismatch, $"content does not hash to {sha256}; send it again");
        }

        await using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO attachments (sha256, total_size, received, complete, content_type) VALUES (@sha, @size, @received, @complete, @type)
                ON CONFLICT(sha256) DO UPDATE SET received = excluded.received, complete = excluded.complete
                """;
            upsert.AddParameter("@sha", sha256);
            upsert.AddParameter("@size", totalSize);
            upsert.AddParameter("@received", received);
            upsert.AddParameter("@complete", complete ? 1 : 0);
            upsert.AddParameter("@type", contentType);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new BlobState(sha256, totalSize, received, complete);
    }

    public async Task<byte[]?> ReadCompleteAsync(string sha256, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var state = await ReadStateAsync(connection, null, sha256, cancellationToken);
        if (state is not { Complete: true })
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await foreach (var chunk in AttachmentChunkTable.ReadAllAsync(connection, null, sha256, cancellationToken))
        {
            buffer.Write(chunk);
        }

        return buffer.ToArray();
    }

    private static async Task<bool> HashMatchesAsync(DbConnection connection, DbTransaction transaction, string sha256, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await foreach (var chunk in AttachmentChunkTable.ReadAllAsync(connection, transaction, sha256, cancellationToken))
        {
            hash.AppendData(chunk);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset()) == sha256;
    }

    private static async Task<BlobState?> ReadStateAsync(DbConnection connection, DbTransaction? transaction, string sha256, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT total_size, received, complete FROM attachments WHERE sha256 = @sha";
        command.AddParameter("@sha", sha256);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new BlobState(sha256, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2) == 1)
            : null;
    }

    private static bool IsSha256Hex(string value) =>
        value.Length == 64 && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}

/// <summary>How much of a blob the hub holds.</summary>
public sealed record BlobState(string Sha256, long TotalSize, long Received, bool Complete);

public enum BlobRefusal
{
    Malformed,
    TooLarge,
    OutOfOrder,
    HashMismatch,
}

public sealed class BlobRefusedException(BlobRefusal reason, string message) : Exception(message)
{
    public BlobRefusal Reason { get; } = reason;
}
