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

    // Anti-entropy (repair). A service without it answers UNIMPLEMENTED, which a node takes as "no repair".
    Task<DigestReply> DigestAsync(DigestRequest r, GrpcCallContext c) => throw Unimplemented("Digest");

    Task<RepairPushReply> RepairPushAsync(RepairPushRequest r, GrpcCallContext c) => throw Unimplemented("RepairPush");

    Task<RepairFetchReply> RepairFetchAsync(RepairFetchRequest r, GrpcCallContext c) => throw Unimplemented("RepairFetch");

    private static GrpcException Unimplemented(string method) => new(GrpcStatusCode.Unimplemented, $"{method} is not implemented by this service");
}
