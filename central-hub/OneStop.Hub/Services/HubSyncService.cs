using Grpc.Core;
using Microsoft.Extensions.Options;
using OneStop.Core.Clock;
using OneStop.Hub.Nodes;
using OneStop.Hub.Store;
using OneStop.Protocol.Mapping;
using OneStop.Protocol.V1;

namespace OneStop.Hub.Services;

/// <summary>The hub's side of the sync protocol: maps the wire to the store and refusals to statuses.</summary>
public sealed partial class HubSyncService(HubStore store, AttachmentStore attachments, INodeAuthenticator authenticator, IOptions<HubOptions> options, TimeProvider time, ILogger<HubSyncService> logger, Attachments.OriginalRequests? originals = null) : Sync.SyncBase
{
    public async Task<HelloReply> HelloAsync(HelloRequest request, ServerCallContext context)
    {
        var node = Authenticate(context, request.NodeId);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var offset = ClockPolicy.OffsetMs(request.NodeWallMs, now);
        var devices = System.Text.Json.JsonSerializer.Serialize(request.Devices.Select(d => new
        {
            deviceId = d.DeviceId,
            kind = d.Kind,
            connected = d.Connected,
            lastError = string.IsNullOrEmpty(d.LastError) ? null : d.LastError,
            details = d.Details,
        }));
        var incarnation = await store.RecordHandshakeAsync(
            new NodeHello(node.NodeId, now, offset, request.Backlog, request.SoftwareVersion, devices),
            new IncarnationHello(node.NodeId, request.Incarnation, request.MachineIdentity, request.HasLogHead ? request.LogHead : null, now), context.CancellationToken);
        return new HelloReply
        {
            HubId = store.HubId,
            HubWallMs = now,
            ClockOffsetMs = offset,
            AckedOriginSeq = incarnation.Acked,
            EarlierIncarnations = incarnation.EarlierIncarnations,
            HubLogHead = await store.ReadLogHeadAsync(context.CancellationToken),
            MaxBatchEntries = options.Value.MaxPullEntries,
            MaxMessageBytes = options.Value.MaxMessageBytes,
            MaxPushesInFlight = HubStore.MaxPushesInFlight,
            OriginalsRequested = originals is null ? 0 : await originals.CountOpenAsync(node.CommuneCode, context.CancellationToken),
        };
    }

    public async Task<PushReply> PushAsync(PushRequest request, ServerCallContext context)
    {
        var node = Authenticate(context, request.NodeId);
        var entries = new List<Core.Changes.ChangeEntry>(request.Entries.Count);
        foreach (var wire in request.Entries)
        {
            if (!ChangeMapper.TryToDomain(wire, out var change, out var error))
            {
                throw Refusal(StatusCode.InvalidArgument, error);
            }

            entries.Add(change);
        }

        try
        {
            var outcome = await store.PushInTurnAsync(node, request.Incarnation, entries, PushPatience(context), context.CancellationToken);
            return new PushReply { AckedOriginSeq = outcome.AckedSeq, Applied = outcome.Applied, Duplicates = outcome.Duplicates, Conflicts = outcome.Conflicts, Quarantined = outcome.Quarantined };
        }
        catch (PushRefusedException ex)
        {
            logger.LogWarning("Refused a batch from {Node}: {Reason}", node.NodeId, ex.Message);
            await store.RecordPushErrorAsync(node.NodeId, $"{ex.Reason}: {ex.Message}", context.CancellationToken);
            if (ex.Reason == PushRefusal.IdentityClash)
            {
                await store.RecordIncarnationEventAsync(node.NodeId, request.Incarnation, IncarnationEventKinds.Clash, ex.Message, context.CancellationToken);
            }

            throw Refusal(ex.Reason switch
            {
                PushRefusal.ForgedOrigin or PushRefusal.OutOfScope => StatusCode.PermissionDenied,
                PushRefusal.Gap => StatusCode.FailedPrecondition,
                PushRefusal.IdentityClash => StatusCode.AlreadyExists,
                _ => StatusCode.InvalidArgument,
            }, ex.Message);
        }
    }

    public async Task PullAsync(PullRequest request, IServerStreamWriter<PullReply> writer, ServerCallContext context)
    {
        var node = Authenticate(context, request.NodeId);
        var max = request.MaxEntries > 0 ? Math.Min(request.MaxEntries, options.Value.MaxPullEntries) : options.Value.MaxPullEntries;
        var cursor = request.AfterCursor;
        if (await ResetForeignCursorAsync(node, request, writer, context))
        {
            return;
        }

        while (true)
        {
            var page = await store.ReadPullPageAsync(node.CommuneCode, cursor, max, node.NodeId, request.OwnSeqHeld, request.Incarnation, context.CancellationToken);
            var reply = new PullReply { Cursor = page.Cursor, More = page.More, CursorMark = await store.ReadCursorMarkAsync(page.Cursor, context.CancellationToken) };
            reply.Entries.AddRange(page.Entries.Select(ChangeMapper.ToWire));
            await writer.WriteAsync(reply, context.CancellationToken);
            if (!page.More)
            {
                return;
            }

            cursor = page.Cursor;
        }
    }

    public async Task<UploadReply> UploadAttachmentAsync(IAsyncEnumerable<AttachmentChunk> chunks, ServerCallContext context)
    {
        Authenticate(context, string.Empty);
        BlobState? state = null;
        try
        {
            await foreach (var chunk in chunks.WithCancellation(context.CancellationToken))
            {
                if (state is not null && chunk.Sha256 != state.Sha256)
                {
                    throw new BlobRefusedException(BlobRefusal.Malformed, "one upload carries one attachment");
                }

                state = await attachments.AppendAsync(chunk.Sha256, chunk.TotalSize, chunk.Offset, chunk.Data.Memory, chunk.ContentType, context.CancellationToken);
            }
        }
        catch (BlobRefusedException ex)
        {
            throw NodeCalls.Refusal(ex.Reason, ex.Message);
        }

        if (state is null)
        {
            throw Refusal(StatusCode.InvalidArgument, "an upload needs at least one chunk");
        }

        return new UploadReply { Sha256 = state.Sha256, ReceivedBytes = state.Received, Complete = state.Complete };
    }

    public async Task<AttachmentState> QueryAttachmentAsync(AttachmentQuery query, ServerCallContext context)
    {
        Authenticate(context, string.Empty);
        var state = await attachments.QueryAsync(query.Sha256, context.CancellationToken);
        return new AttachmentState { Sha256 = state.Sha256, ReceivedBytes = state.Received, Complete = state.Complete };
    }

    private NodeIdentity Authenticate(ServerCallContext context, string claimedNodeId) => NodeCalls.Authenticate(context, authenticator, claimedNodeId);
}
