using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.Protocol.V1;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests;

/// <summary>Content-addressed uploads: resumable, verified, deduplicated, bounded.</summary>
public sealed class AttachmentUploadTests : IAsyncLifetime
{
    private const int Chunk = 64 * 1024;
    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Upload_WholeBlob_CompleteAndReadBackByteForByte()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var blob = Blob(200_000, seed: 1);

        var reply = await node.Sync.UploadAttachmentAsync(Chunks(blob, 0), NodeClient.UploadBytes);

        Assert.True(reply.Complete);
        Assert.Equal(blob.Length, reply.ReceivedBytes);
        Assert.Equal(blob, await _hub.Attachments.ReadCompleteAsync(Sha(blob)));
    }

    [Fact]
    public async Task Upload_CutAfterTwoChunks_ResumesFromWhatTheHubHolds()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var blob = Blob(300_000, seed: 2);

        var partial = await node.Sync.UploadAttachmentAsync(Chunks(blob, 0).Take(2), NodeClient.UploadBytes);
        var state = await node.Sync.QueryAttachmentAsync(new AttachmentQuery { Sha256 = Sha(blob) });
        var rest = await node.Sync.UploadAttachmentAsync(Chunks(blob, state.ReceivedBytes), NodeClient.UploadBytes);

        Assert.False(partial.Complete);
        Assert.Equal(2 * Chunk, state.ReceivedBytes);
        Assert.True(rest.Complete);
        Assert.Equal(blob, await _hub.Attachments.ReadCompleteAsync(Sha(blob)));
    }

    [Fact]
    public async Task Upload_SameBlobAgain_StoredOnceAndAnsweredComplete()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var blob = Blob(100_000, seed: 3);
        await node.Sync.UploadAttachmentAsync(Chunks(blob, 0), NodeClient.UploadBytes);

        var again = await node.Sync.UploadAttachmentAsync(Chunks(blob, 0), NodeClient.UploadBytes);

        Assert.True(again.Complete);
        Assert.Equal(blob, await _hub.Attachments.ReadCompleteAsync(Sha(blob)));
    }

    [Fact]
    public async Task Upload_CorruptChunk_DataLossAndNothingKept()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var blob = Blob(150_000, seed: 4);
        var sha = Sha(blob);
        var corrupt = (byte[])blob.Clone();
        corrupt[Chunk + 10] ^= 0xFF;

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            node.Sync.UploadAttachmentAsync(Chunks(corrupt, 0, sha), NodeClient.UploadBytes));
        var state = await node.Sync.QueryAttachmentAsync(new AttachmentQuery { Sha256 = sha });

        Assert.Equal(StatusCode.DataLoss, error.StatusCode);
        Assert.Equal(0, state.ReceivedBytes);
        Assert.Null(await _hub.Attachments.ReadCompleteAsync(sha));

        // The node sends it again, correctly this time.
        var retry = await node.Sync.UploadAttachmentAsync(Chunks(blob, 0), NodeClient.UploadBytes);
        Assert.True(retry.Complete);
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_ResourceExhaustedWithTheLimitInTheMessage()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var first = new AttachmentChunk { Sha256 = new string('a', 64), TotalSize = 2 * 1024 * 1024, Offset = 0, Data = ByteString.CopyFrom(new byte[16]) };

        var error = await Assert.ThrowsAsync<RpcException>(() => node.Sync.UploadAttachmentAsync(One(first), NodeClient.UploadBytes));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("1048576", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_ChunkAheadOfWhatTheHubHolds_FailedPrecondition()
    {
        using var node = _hub.Client(NodeA, KeyA);
        var blob = Blob(200_000, seed: 5);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            node.Sync.UploadAttachmentAsync(Chunks(blob, Chunk), NodeClient.UploadBytes));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("expected offset 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithoutKey_Unauthenticated()
    {
        using var node = _hub.Client(NodeA, "wrong");
        var blob = Blob(1000, seed: 6);

        var error = await Assert.ThrowsAsync<RpcException>(() => node.Sync.UploadAttachmentAsync(Chunks(blob, 0), NodeClient.UploadBytes));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Null(await _hub.Attachments.ReadCompleteAsync(Sha(blob)));
    }

    private static byte[] Blob(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Sha(byte[] blob) => Convert.ToHexStringLower(SHA256.HashData(blob));

    private static async IAsyncEnumerable<AttachmentChunk> One(AttachmentChunk chunk)
    {
        await Task.Yield();
        yield return chunk;
    }

    private static async IAsyncEnumerable<AttachmentChunk> Chunks(byte[] blob, long from, string? sha = null)
    {
        sha ??= Sha(blob);
        for (var offset = from; offset < blob.Length; offset += Chunk)
        {
            await Task.Yield();
            var length = (int)Math.Min(Chunk, blob.Length - offset);
            yield return new AttachmentChunk
            {
                Sha256 = sha,
                TotalSize = blob.Length,
                Offset = offset,
                Data = ByteString.CopyFrom(blob, (int)offset, length),
                ContentType = "application/octet-stream",
            };
        }
    }
}
