using OneStop.Protocol.Transport;
using OneStop.Protocol.V1;

namespace OneStop.Protocol;

/// <summary>The hub's side of onestop.sync.v1.Sync; see protos/sync.proto for the contract of each method.</summary>
public interface ISyncService
{
    Task<HelloReply> HelloAsync(HelloRequest r, GrpcCallContext c);

    Task<PushReply> PushAsync(PushRequest r, GrpcCallContext c);

    Task PullAsync(PullRequest r, IGrpcStreamWriter<PullReply> w, GrpcCallContext c);

    Task<UploadReply> UploadAttachmentAsync(IAsyncEnumerable<AttachmentChunk> chunks, GrpcCallContext c);

    Task<AttachmentState> QueryAttachmentAsync(AttachmentQuery q, GrpcCallContext c);
}
