using System.Collections.Concurrent;
using System.Security.Cryptography;
using Grpc.Core;
using OneStop.Protocol.V1;

namespace OneStop.Protocol.Tests.Infrastructure;

/// <summary>
/// Deterministic Sync behaviour shared with tests/interop/server.js, plus node ids that trigger failure paths.
/// </summary>
public sealed class TestSyncService : Sync.SyncBase
{
    public const string HubId = "hub-test";
    public const long HubWallMs = 1_700_000_000_000;
    public const long AckedOriginSeq = 41;
    public const long HubLogHead = 1000;
    public const int DefaultPullMessages = 3;

    /// <summary>Node ids that make a method fail in a chosen way.</summary>
    public const string FailNode = "fail";
    public const string SlowNode = "slow";

    public const string FailMessage = "Nút chưa đăng ký: 100% từ chối";

    private readonly ConcurrentDictionary<string, AttachmentState> _attachments = new();

    /// <summary>What the last call of each method arrived with: its deadline left and its request encoding.</summary>
    public ConcurrentDictionary<string, (TimeSpan DeadlineLeft, string? Encoding)> Seen { get; } = new();

    public override async Task<HelloReply> Hello(HelloRequest request, ServerCallContext context)
    {
        Record(context);
        switch (request.NodeId)
        {
            case FailNode:
                throw new RpcException(new Status(StatusCode.FailedPrecondition, FailMessage));
            case SlowNode:
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
                break;
            default:
                break;
        }

        return new HelloReply
        {
            HubId = HubId,
            HubWallMs = HubWallMs,
            ClockOffsetMs = HubWallMs - request.NodeWallMs,
            AckedOriginSeq = AckedOriginSeq,
            HubLogHead = HubLogHead,
            MaxBatchEntries = 500,
            MaxMessageBytes = SyncChannelOptions.DefaultMaxReceiveMessageBytes,
        };
    }

    public override Task<PushReply> Push(PushRequest request, ServerCallContext context)
    {
        Record(context);
        return Task.FromResult(new PushReply
        {
            AckedOriginSeq = request.Entries.Count == 0 ? 0 : request.Entries.Max(e => e.OriginSeq),
            Applied = request.Entries.Count,
        });
    }

    public override async Task Pull(PullRequest request, IServerStreamWriter<PullReply> responseStream, ServerCallContext context)
    {
        Record(context);
        var count = request.MaxEntries > 0 ? request.MaxEntries : DefaultPullMessages;
        for (var i = 1; i <= count; i++)
        {
            var seq = request.AfterCursor + i;
            var change = new ChangeEntry { OriginNode = "hub", OriginSeq = seq, RecordId = $"rec-{seq}", RecordType = "dossier", Scope = "global" };
            await responseStream.WriteAsync(new PullReply { Entries = { new HubEntry { HubSeq = seq, Change = change } }, Cursor = seq, More = i < count });
        }
    }

    public override async Task<UploadReply> UploadAttachment(IAsyncStreamReader<AttachmentChunk> requestStream, ServerCallContext context)
    {
        Record(context);
        using var data = new MemoryStream();
        string? claimed = null;
        long totalSize = 0;
        await foreach (var chunk in requestStream.ReadAllAsync(context.CancellationToken))
        {
            claimed ??= chunk.Sha256;
            totalSize = chunk.TotalSize;
            data.Write(chunk.Data.Span);
        }

        var actual = Convert.ToHexStringLower(SHA256.HashData(data.ToArray()));
        var state = new AttachmentState
        {
            Sha256 = claimed ?? string.Empty,
            ReceivedBytes = data.Length,
            Complete = claimed == actual && data.Length == totalSize,
        };
        _attachments[state.Sha256] = state;
        return new UploadReply { Sha256 = actual, ReceivedBytes = state.ReceivedBytes, Complete = state.Complete };
    }

    public override Task<AttachmentState> QueryAttachment(AttachmentQuery request, ServerCallContext context) =>
        Task.FromResult(_attachments.TryGetValue(request.Sha256, out var state)
            ? state
            : new AttachmentState { Sha256 = request.Sha256 });

    private void Record(ServerCallContext context) =>
        Seen[context.Method] = (context.Deadline - TimeProvider.System.GetUtcNow().UtcDateTime, context.GetHttpContext().Request.Headers["grpc-encoding"].ToString());
}
