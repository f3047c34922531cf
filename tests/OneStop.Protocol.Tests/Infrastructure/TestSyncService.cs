using System.Collections.Concurrent;
using System.Security.Cryptography;
using OneStop.Protocol.Transport;
using OneStop.Protocol.V1;

namespace OneStop.Protocol.Tests.Infrastructure;

/// <summary>
/// Deterministic Sync behaviour shared with tests/interop/server.js, plus node ids that trigger failure paths.
/// </summary>
public sealed class TestSyncService : ISyncService
{
    public const string HubId = "hub-test";
    public const long HubWallMs = 1_700_000_000_000;
    public const long AckedOriginSeq = 41;
    public const long HubLogHead = 1000;
    public const int DefaultPullMessages = 3;

    /// <summary>Node ids that make a method fail in a chosen way.</summary>
    public const string ThrowNode = "throw";
    public const string FailNode = "fail";
    public const string SlowNode = "slow";
    public const string HeadersNode = "headers";
    public const string GateNode = "gate";
    public const string AbortNode = "abort";
    public const string BigNode = "big";

    public const string SecretInException = "secret-connection-string";
    public const string FailMessage = "Nút chưa đăng ký: 100% từ chối";
    public const int BigValueLength = 20_000;

    private readonly ConcurrentDictionary<string, AttachmentState> _attachments = new();

    /// <summary>Released by a test to let a "gate" Pull continue after its first message.</summary>
    public TaskCompletionSource PullGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the last upload saw go wrong on its request stream, if anything.</summary>
    public TaskCompletionSource<GrpcStatusCode> UploadFailure { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<HelloReply> HelloAsync(HelloRequest r, GrpcCallContext c)
    {
        switch (r.NodeId)
        {
            case ThrowNode:
                throw new InvalidOperationException("Database unreachable: " + SecretInException);
            case FailNode:
                throw new GrpcException(GrpcStatusCode.FailedPrecondition, FailMessage);
            case SlowNode:
                await Task.Delay(Timeout.Infinite, c.CancellationToken);
                break;
            case HeadersNode:
                return new HelloReply
                {
                    HubId = $"{c.GetHeader("x-test")}|{c.GetHeader("grpc-timeout") is not null}|{c.Timeout is not null}",
                };
            default:
                break;
        }

        return new HelloReply
        {
            HubId = HubId,
            HubWallMs = HubWallMs,
            ClockOffsetMs = HubWallMs - r.NodeWallMs,
            AckedOriginSeq = AckedOriginSeq,
            HubLogHead = HubLogHead,
            MaxBatchEntries = 500,
            MaxMessageBytes = GrpcServerOptions.DefaultMaxReceiveMessageBytes,
        };
    }

    public Task<PushReply> PushAsync(PushRequest r, GrpcCallContext c) =>
        Task.FromResult(new PushReply
        {
            AckedOriginSeq = r.Entries.Count == 0 ? 0 : r.Entries.Max(e => e.OriginSeq),
            Applied = r.Entries.Count,
        });

    public async Task PullAsync(PullRequest r, IGrpcStreamWriter<PullReply> w, GrpcCallContext c)
    {
        var count = r.MaxEntries > 0 ? r.MaxEntries : DefaultPullMessages;
        for (var i = 1; i <= count; i++)
        {
            var seq = r.AfterCursor + i;
            var change = new ChangeEntry { OriginNode = "hub", OriginSeq = seq, RecordId = $"rec-{seq}", RecordType = "dossier", Scope = "global" };
            if (r.NodeId == BigNode)
            {
                change.Fields.Add(new FieldChange { Name = "note", JsonValue = new string('a', BigValueLength) });
            }

            await w.WriteAsync(new PullReply { Entries = { new HubEntry { HubSeq = seq, Change = change } }, Cursor = seq, More = i < count });

            if (i == 1 && r.NodeId == GateNode)
            {
                await PullGate.Task.WaitAsync(c.CancellationToken);
            }

            if (i == 1 && r.NodeId == AbortNode)
            {
                c.HttpContext.Abort();
                return;
            }
        }
    }

    public async Task<UploadReply> UploadAttachmentAsync(IAsyncEnumerable<AttachmentChunk> chunks, GrpcCallContext c)
    {
        using var data = new MemoryStream();
        string? claimed = null;
        long totalSize = 0;
        try
        {
            await foreach (var chunk in chunks.WithCancellation(c.CancellationToken))
            {
                claimed ??= chunk.Sha256;
                totalSize = chunk.TotalSize;
                data.Write(chunk.Data.Span);
            }
        }
        catch (GrpcException ex)
        {
            UploadFailure.TrySetResult(ex.Status);
            throw;
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

    public Task<AttachmentState> QueryAttachmentAsync(AttachmentQuery q, GrpcCallContext c) =>
        Task.FromResult(_attachments.TryGetValue(q.Sha256, out var state)
            ? state
            : new AttachmentState { Sha256 = q.Sha256 });
}
