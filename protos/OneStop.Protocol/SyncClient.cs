using OneStop.Protocol.Transport;
using OneStop.Protocol.V1;

namespace OneStop.Protocol;

/// <summary>Typed calls of onestop.sync.v1.Sync over a <see cref="GrpcChannel"/>; every failure is a <see cref="GrpcException"/>.</summary>
public sealed class SyncClient(GrpcChannel channel)
{
    public GrpcChannel Channel { get; } = channel ?? throw new ArgumentNullException(nameof(channel));

    public Task<HelloReply> HelloAsync(HelloRequest request, GrpcCallOptions? options = null, CancellationToken cancellationToken = default) =>
        Channel.UnaryAsync(SyncMethods.Hello, request, HelloReply.Parser, options, cancellationToken);

    public Task<PushReply> PushAsync(PushRequest request, GrpcCallOptions? options = null, CancellationToken cancellationToken = default) =>
        Channel.UnaryAsync(SyncMethods.Push, request, PushReply.Parser, options, cancellationToken);

    public IAsyncEnumerable<PullReply> PullAsync(PullRequest request, GrpcCallOptions? options = null, CancellationToken cancellationToken = default) =>
        Channel.ServerStreamingAsync(SyncMethods.Pull, request, PullReply.Parser, options, cancellationToken);

    public Task<UploadReply> UploadAttachmentAsync(IAsyncEnumerable<AttachmentChunk> chunks, GrpcCallOptions? options = null, CancellationToken cancellationToken = default) =>
        Channel.ClientStreamingAsync(SyncMethods.UploadAttachment, chunks, UploadReply.Parser, options, cancellationToken);

    public Task<AttachmentState> QueryAttachmentAsync(AttachmentQuery request, GrpcCallOptions? options = null, CancellationToken cancellationToken = default) =>
        Channel.UnaryAsync(SyncMethods.QueryAttachment, request, AttachmentState.Parser, options, cancellationToken);

    public Task<DigestReply> DigestAsync(DigestRequest request, GrpcCallOptions? options = null, CancellationToken cancellationToken = default) =>
        Channel.UnaryAsync(SyncMethods.Digest, request, DigestReply.Parser, options, cancellationToken);

    public Task<RepairPushReply> RepairPushAsync(RepairPushRequest request, GrpcCallOptions? options = null, CancellationToken cancellationToken = default) =>
        Channel.UnaryAsync(SyncMethods.RepairPush, request, RepairPushReply.Parser, options, cancellationToken);

    public Task<RepairFetchReply> RepairFetchAsync(RepairFetchRequest request, GrpcCallOptions? options = null, CancellationToken cancellationToken = default) =>
        Channel.UnaryAsync(SyncMethods.RepairFetch, request, RepairFetchReply.Parser, options, cancellationToken);
}
