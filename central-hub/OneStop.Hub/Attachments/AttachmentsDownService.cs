using Google.Protobuf;
using Grpc.Core;
using OneStop.Core.Changes;
using OneStop.Hub.Nodes;
using OneStop.Hub.Store;
using OneStop.Protocol;
using OneStop.Protocol.AttachmentsDown;

namespace OneStop.Hub.Attachments;

/// <summary>
/// Serves attachment content down to nodes (see protos/attachments_down.proto): only attachments of the caller's
/// commune, decided from the attachment record before any byte is read, in pieces of at most
/// <see cref="AttachmentFetchClient.MaxPieceBytes"/>.
/// </summary>
public sealed class AttachmentsDownService(HubStore store, AttachmentStore blobs, AttachmentPieces pieces, INodeAuthenticator authenticator, ILogger<AttachmentsDownService> logger)
    : AttachmentsDown.AttachmentsDownBase
{
    public override async Task Fetch(FetchRequest request, IServerStreamWriter<FetchPiece> responseStream, ServerCallContext context)
    {
        var node = Authenticate(context, request.NodeId);
        if (!Guid.TryParse(request.AttachmentId, out var id))
        {
            throw Refusal(StatusCode.InvalidArgument, "attachment_id is not a UUID");
        }

        if (request.Offset < 0)
        {
            throw Refusal(StatusCode.InvalidArgument, "offset is negative");
        }

        var record = await store.GetAsync(id, context.CancellationToken);
        if (record is null || record.Type != RecordTypes.Attachment || record.IsDeleted)
        {
            throw Refusal(StatusCode.NotFound, $"no attachment {id}");
        }

        if (record.Scope != node.CommuneCode)
        {
            // Same words whatever the other commune holds: the refusal tells the caller nothing about it.
            logger.LogWarning("Node {Node} of {Commune} asked for attachment {Id} of another commune", node.NodeId, node.CommuneCode, id);
            throw Refusal(StatusCode.PermissionDenied, $"attachment {id} is not of commune {node.CommuneCode}");
        }

        var sha = Text(record, "sha256");
        var state = sha is null ? null : await blobs.QueryAsync(sha, context.CancellationToken);
        if (sha is null || state is not { Complete: true })
        {
            throw Refusal(StatusCode.FailedPrecondition, $"the content of attachment {id} is not complete at the hub yet");
        }

        if (request.Offset > state.TotalSize)
        {
            throw Refusal(StatusCode.OutOfRange, $"offset {request.Offset} is past the attachment's {state.TotalSize} bytes");
        }

        var max = request.MaxPieceBytes is > 0 and <= AttachmentFetchClient.MaxPieceBytes ? (int)request.MaxPieceBytes : AttachmentFetchClient.MaxPieceBytes;
        var contentType = Text(record, "content_type") ?? "application/octet-stream";
        // Scans and PDFs are compressed already: gzip would spend the hub's CPU to save nothing on the link.
        context.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        try
        {
            await foreach (var (offset, data) in pieces.ReadAsync(sha, request.Offset, max, context.CancellationToken))
            {
                await responseStream.WriteAsync(new FetchPiece { Sha256 = sha, TotalSize = state.TotalSize, Offset = offset, Data = ByteString.CopyFrom(data), ContentType = contentType }, context.CancellationToken);
            }
        }
        catch (InvalidDataException damaged)
        {
            // A stored chunk failed its seal or went missing: say so, rather than hand out bytes the hub cannot vouch for.
            logger.LogError(damaged, "Attachment {Id} ({Sha}) is damaged at the hub", id, sha);
            throw Refusal(StatusCode.DataLoss, $"the hub's copy of attachment {id} is damaged: {damaged.Message}");
        }
    }

    private static string? Text(StoredRecord record, string field) =>
        record.GetJson(field) is { } json ? System.Text.Json.JsonSerializer.Deserialize<string>(json) : null;

    private NodeIdentity Authenticate(ServerCallContext context, string claimedNodeId) => NodeCalls.Authenticate(context, authenticator, claimedNodeId);

    private static RpcException Refusal(StatusCode code, string message) => NodeCalls.Refusal(code, message);
}
