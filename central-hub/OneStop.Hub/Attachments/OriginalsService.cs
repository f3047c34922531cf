using Grpc.Core;
using OneStop.Hub.Nodes;
using OneStop.Hub.Store;
using OneStop.Protocol.Originals.V1;
using OneStop.Protocol.V1;

namespace OneStop.Hub.Attachments;

/// <summary>
/// Originals of shrunk scans coming up from nodes when an admin asked for them (see protos/originals.proto). The
/// request decides, before any byte is stored, that this commune was asked for this hash; the bytes then go through
/// <see cref="AttachmentStore"/> with the same chunk, resume and hash rules as any attachment upload.
/// </summary>
public sealed class OriginalsService(OriginalRequests requests, AttachmentStore blobs, INodeAuthenticator authenticator, ILogger<OriginalsService> logger)
    : Originals.OriginalsBase
{
    public override async Task<RequestedOriginals> Requested(RequestedQuery request, ServerCallContext context)
    {
        var node = NodeCalls.Authenticate(context, authenticator, request.NodeId);
        var reply = new RequestedOriginals();
        reply.Originals.AddRange((await requests.ListOpenAsync(node.CommuneCode, context.CancellationToken))
            .Select(r => new RequestedOriginal { AttachmentId = r.AttachmentId.ToString(), Sha256 = r.Sha256 }));
        return reply;
    }

    public override async Task<UploadReply> Upload(IAsyncStreamReader<AttachmentChunk> requestStream, ServerCallContext context)
    {
        var node = NodeCalls.Authenticate(context, authenticator, string.Empty);
        BlobState? state = null;
        try
        {
            await foreach (var chunk in requestStream.ReadAllAsync(context.CancellationToken))
            {
                if (state is null && !await requests.IsOpenAsync(node.CommuneCode, chunk.Sha256, context.CancellationToken))
                {
                    logger.LogWarning("Node {Node} of {Commune} sent original {Sha} that nobody asked that commune for", node.NodeId, node.CommuneCode, chunk.Sha256);
                    throw NodeCalls.Refusal(StatusCode.PermissionDenied, $"nobody asked commune {node.CommuneCode} for original {chunk.Sha256}");
                }

                if (state is not null && chunk.Sha256 != state.Sha256)
                {
                    throw new BlobRefusedException(BlobRefusal.Malformed, "one upload carries one original");
                }

                state = await blobs.AppendAsync(chunk.Sha256, chunk.TotalSize, chunk.Offset, chunk.Data.Memory, chunk.ContentType, context.CancellationToken);
            }
        }
        catch (BlobRefusedException ex)
        {
            throw NodeCalls.Refusal(ex.Reason, ex.Message);
        }

        if (state is null)
        {
            throw NodeCalls.Refusal(StatusCode.InvalidArgument, "an upload needs at least one chunk");
        }

        if (state.Complete)
        {
            await requests.MarkReceivedAsync(node.CommuneCode, state.Sha256, context.CancellationToken);
        }

        return new UploadReply { Sha256 = state.Sha256, ReceivedBytes = state.Received, Complete = state.Complete };
    }
}
