using System.Security.Cryptography;
using System.Text;
using OneStop.Hub.Attachments;
using OneStop.Hub.Store;
using OneStop.Storage;

namespace OneStop.Hub.Tests.Privacy;

/// <summary>
/// Attachment content (a resident's scans) at the hub, on each engine: sealed per stored chunk under the province's key,
/// read back byte for byte through the store (whole, and ranged from any offset), a resumed upload still checked against
/// the SHA-256 of the plain content, a chunk moved to another place refused, and content an older hub stored in clear
/// sealed once by the start-up pass.
/// </summary>
public abstract partial class HubSealedAtRestTests
{
    private const long MaxBlobBytes = 10_000_000;

    [SkippableFact]
    public async Task AttachmentContent_UploadedInChunksAndResumed_RawStoreHoldsNoneInClear_AndReadsBackByteIdentical()
    {
        _database = await CreateDatabaseAsync(ProvinceCipher);
        await new HubStore(_database, "hub", TimeProvider.System, 300_000).InitialiseAsync();
        var blobs = new AttachmentStore(_database, MaxBlobBytes);
        var scan = Scan(200_000, seed: 1);
        var sha = Sha(scan);

        // 64 KiB chunks as a node sends them; the second is sent again after a cut (the hub holds it: skipped).
        var state = await blobs.AppendAsync(sha, scan.Length, 0, scan.AsMemory(0, 65_536), "image/jpeg");
        state = await blobs.AppendAsync(sha, scan.Length, 65_536, scan.AsMemory(65_536, 65_536), "image/jpeg");
        Assert.Equal(131_072, (await blobs.AppendAsync(sha, scan.Length, 65_536, scan.AsMemory(65_536, 65_536), "image/jpeg")).Received);
        state = await blobs.AppendAsync(sha, scan.Length, 131_072, scan.AsMemory(131_072), "image/jpeg");

        // Complete means the hub hashed what it holds and found the node's SHA-256 of the plain content.
        Assert.True(state.Complete);
        await AssertNoContentInClearAsync(scan);
        Assert.Equal(scan, await blobs.ReadCompleteAsync(sha));
        Assert.Equal(scan[70_001..], await ReadPiecesAsync(sha, 70_001, 10_000));
    }

    [SkippableFact]
    public async Task AttachmentContent_StoredChunksSwappedOrMovedFromAnotherBlob_ReadRefusedNotServed()
    {
        _database = await CreateDatabaseAsync(ProvinceCipher);
        await new HubStore(_database, "hub", TimeProvider.System, 300_000).InitialiseAsync();
        var blobs = new AttachmentStore(_database, MaxBlobBytes);
        var scan = Scan(2 * AttachmentChunkTable.SegmentBytes, seed: 2);
        var other = Scan(AttachmentChunkTable.SegmentBytes, seed: 3);
        Assert.True((await blobs.AppendAsync(Sha(scan), scan.Length, 0, scan, "image/jpeg")).Complete);
        Assert.True((await blobs.AppendAsync(Sha(other), other.Length, 0, other, "image/jpeg")).Complete);
        Assert.Equal(scan, await blobs.ReadCompleteAsync(Sha(scan)));

        // Two chunks of one scan trade places: each still opens as a chunk, but not at the other's offset.
        var first = await StoredChunkAsync(Sha(scan), 0);
        var second = await StoredChunkAsync(Sha(scan), AttachmentChunkTable.SegmentBytes);
        await SetStoredChunkAsync(Sha(scan), 0, second);
        await SetStoredChunkAsync(Sha(scan), AttachmentChunkTable.SegmentBytes, first);
        await Assert.ThrowsAsync<InvalidDataException>(() => blobs.ReadCompleteAsync(Sha(scan)));
        await Assert.ThrowsAsync<InvalidDataException>(() => ReadPiecesAsync(Sha(scan), 0, 10_000));

        // Put back, the scan reads again; a chunk of another scan at the same offset does not.
        await SetStoredChunkAsync(Sha(scan), 0, first);
        await SetStoredChunkAsync(Sha(scan), AttachmentChunkTable.SegmentBytes, second);
        Assert.Equal(scan, await blobs.ReadCompleteAsync(Sha(scan)));
        await SetStoredChunkAsync(Sha(scan), 0, await StoredChunkAsync(Sha(other), 0));
        await Assert.ThrowsAsync<InvalidDataException>(() => blobs.ReadCompleteAsync(Sha(scan)));
    }

    [SkippableFact]
    public async Task SealExisting_ContentStoredInClearByAnEarlierBuild_SealedOnce_ReadsResumesAndRangesByteIdentical()
    {
        var whole = Scan(150_000, seed: 4);
        var partial = Scan(200_000, seed: 5);
        var plainDatabase = await CreateDatabaseAsync(null);
        await new HubStore(plainDatabase, "hub", TimeProvider.System, 300_000).InitialiseAsync();
        var plainBlobs = new AttachmentStore(plainDatabase, MaxBlobBytes);
        // As the public site stores a file (one row), and an upload cut after its first 100,000 bytes.
        Assert.True((await plainBlobs.AppendAsync(Sha(whole), whole.Length, 0, whole, "application/pdf")).Complete);
        Assert.False((await plainBlobs.AppendAsync(Sha(partial), partial.Length, 0, partial.AsMemory(0, 100_000), "image/jpeg")).Complete);
        var raw = await RawAsync();
        Assert.True(Holds(raw, whole.AsSpan(80_000, 32)), "the earlier build's store should hold the content in clear");
        await ReopenSealedAndSealOnceAsync(plainDatabase);

        await AssertNoContentInClearAsync(whole);
        await AssertNoContentInClearAsync(partial.AsSpan(0, 100_000).ToArray());
        var blobs = new AttachmentStore(_database!, MaxBlobBytes);
        Assert.Equal(whole, await blobs.ReadCompleteAsync(Sha(whole)));
        Assert.Equal(whole[70_000..], await ReadPiecesAsync(Sha(whole), 70_000, 16_384));
        Assert.Equal(100_000, (await blobs.QueryAsync(Sha(partial))).Received);
        Assert.True((await blobs.AppendAsync(Sha(partial), partial.Length, 100_000, partial.AsMemory(100_000), "image/jpeg")).Complete);
        Assert.Equal(partial, await blobs.ReadCompleteAsync(Sha(partial)));
        await AssertNoContentInClearAsync(partial);
    }

    /// <summary>Closes the earlier build's database, opens it again with the province's key and runs the start-up pass: it seals something, and only once.</summary>
    private async Task<HubStore> ReopenSealedAndSealOnceAsync(IHubDatabase plainDatabase)
    {
        if (plainDatabase is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        _database = Reopen(ProvinceCipher);
        var store = new HubStore(_database, "hub", TimeProvider.System, 300_000);
        await store.InitialiseAsync();
        Assert.True(await store.SealExistingAsync() > 0);
        Assert.Equal(0, await store.SealExistingAsync());
        return store;
    }

    private async Task AssertNoContentInClearAsync(byte[] content)
    {
        var raw = await RawAsync();
        for (var at = 0; at + 32 <= content.Length; at += 4_999)
        {
            Assert.False(Holds(raw, content.AsSpan(at, 32)), $"the content's bytes at {at} are in the hub's store in clear");
        }
    }

    // In clear on SQLite's pages, or as the hex a PostgreSQL table shows for a bytea.
    private static bool Holds(byte[] raw, ReadOnlySpan<byte> window) =>
        raw.AsSpan().IndexOf(window) >= 0 || raw.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(window))) >= 0;

    private async Task<byte[]> ReadPiecesAsync(string sha, long offset, int maxPieceBytes)
    {
        using var read = new MemoryStream();
        var expected = offset;
        await foreach (var (at, data) in new AttachmentPieces(_database!).ReadAsync(sha, offset, maxPieceBytes))
        {
            Assert.Equal(expected, at);
            Assert.InRange(data.Length, 1, maxPieceBytes);
            read.Write(data);
            expected += data.Length;
        }

        return read.ToArray();
    }

    private async Task<byte[]> StoredChunkAsync(string sha, long offset)
    {
        await using var connection = await _database!.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT data FROM attachment_sealed_chunks WHERE sha256 = @sha AND \"offset\" = @offset";
        command.AddParameter("@sha", sha);
        command.AddParameter("@offset", offset);
        return (byte[])(await command.ExecuteScalarAsync())!;
    }

    private async Task SetStoredChunkAsync(string sha, long offset, byte[] data)
    {
        await using var connection = await _database!.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE attachment_sealed_chunks SET data = @data WHERE sha256 = @sha AND \"offset\" = @offset";
        command.AddParameter("@data", data);
        command.AddParameter("@sha", sha);
        command.AddParameter("@offset", offset);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static byte[] Scan(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
