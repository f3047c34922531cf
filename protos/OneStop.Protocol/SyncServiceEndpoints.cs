using Microsoft.AspNetCore.Routing;
using OneStop.Protocol.Transport;
using OneStop.Protocol.V1;

namespace OneStop.Protocol;

public static class SyncServiceEndpoints
{
    /// <summary>Maps every method of onestop.sync.v1.Sync to <paramref name="service"/>.</summary>
    public static GrpcServiceBuilder MapSyncService(this IEndpointRouteBuilder endpoints, ISyncService service, GrpcServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        return endpoints.MapGrpcService(SyncMethods.ServiceName, options)
            .Unary<HelloRequest, HelloReply>("Hello", HelloRequest.Parser, service.HelloAsync)
            .Unary<PushRequest, PushReply>("Push", PushRequest.Parser, service.PushAsync)
            .ServerStreaming<PullRequest, PullReply>("Pull", PullRequest.Parser, service.PullAsync)
            .ClientStreaming<AttachmentChunk, UploadReply>("UploadAttachment", AttachmentChunk.Parser, service.UploadAttachmentAsync)
            .Unary<AttachmentQuery, AttachmentState>("QueryAttachment", AttachmentQuery.Parser, service.QueryAttachmentAsync)
            .Unary<DigestRequest, DigestReply>("Digest", DigestRequest.Parser, service.DigestAsync)
            .Unary<RepairPushRequest, RepairPushReply>("RepairPush", RepairPushRequest.Parser, service.RepairPushAsync)
            .Unary<RepairFetchRequest, RepairFetchReply>("RepairFetch", RepairFetchRequest.Parser, service.RepairFetchAsync);
    }
}
