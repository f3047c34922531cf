using Grpc.Core;
using OneStop.Hub.Nodes;
using OneStop.Protocol.V1;

namespace OneStop.Hub.Services;

/// <summary>The generated service base's methods, each handing over to the method that does the work.</summary>
public sealed partial class HubSyncService
{
    public override Task<HelloReply> Hello(HelloRequest request, ServerCallContext context) => HelloAsync(request, context);

    public override Task<PushReply> Push(PushRequest request, ServerCallContext context) => PushAsync(request, context);

    public override Task Pull(PullRequest request, IServerStreamWriter<PullReply> responseStream, ServerCallContext context) =>
        PullAsync(request, responseStream, context);

    public override Task<UploadReply> UploadAttachment(IAsyncStreamReader<AttachmentChunk> requestStream, ServerCallContext context) =>
        UploadAttachmentAsync(requestStream.ReadAllAsync(context.CancellationToken), context);

    public override Task<AttachmentState> QueryAttachment(AttachmentQuery request, ServerCallContext context) => QueryAttachmentAsync(request, context);

    public override Task<DigestReply> Digest(DigestRequest request, ServerCallContext context) => DigestAsync(request, context);

    public override Task<RepairPushReply> RepairPush(RepairPushRequest request, ServerCallContext context) => RepairPushAsync(request, context);

    public override Task<RepairFetchReply> RepairFetch(RepairFetchRequest request, ServerCallContext context) => RepairFetchAsync(request, context);

    private static RpcException Refusal(StatusCode code, string message) => NodeCalls.Refusal(code, message);
}
