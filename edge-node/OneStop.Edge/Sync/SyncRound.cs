using Grpc.Core;
using OneStop.Core.Changes;
using OneStop.Edge.Devices;
using OneStop.Edge.Store;
using OneStop.Protocol;
using OneStop.Protocol.Mapping;
using OneStop.Protocol.V1;

namespace OneStop.Edge.Sync;

/// <summary>
/// One sync round: handshake, push every unacknowledged change in bounded batches, then pull what
/// the hub has for this node. Each step resumes from a cursor the other side acknowledged, so a cut
/// at any byte costs at most the batch in flight and never duplicates anything.
/// </summary>
public sealed partial class SyncRound(EdgeStore store, BlobStore blobs, SyncClient client, SyncOptions options, EdgeOptions edge, SyncStatus status, DeviceHealthBoard devices, TimeProvider time, SyncQuarantine quarantine)
{
    /// <summary>Chunk size of attachment uploads: 64 KiB, so a cut costs at most one chunk on a 2G link.</summary>
    public const int AttachmentChunkBytes = 64 * 1024;

    /// <summary>
    /// Pull runs alongside the handshake and the push, on the same HTTP/2 connection: it needs only the local
    /// cursor, so a round with nothing to send costs one round trip instead of two (bench: round-trips).
    /// What this round pushes comes back with the next round's pull.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken) =>
        // WhenAll, not two awaits: the pull is always waited for, so it never writes to the store after the round.
        await Task.WhenAll(PullAsync(cancellationToken), ExchangeAsync(cancellationToken));

    /// <summary>How many new incarnations one round may start: a second clash in a row is a fault, not a fork.</summary>
    private const int MaxReincarnationsPerRound = 2;

    private async Task ExchangeAsync(CancellationToken cancellationToken)
    {
        var hello = await HelloAsync(cancellationToken);
        for (var reincarnations = 0; ; reincarnations++)
        {
            var decision = IncarnationPolicy.AfterHello(hello.AckedOriginSeq, await store.ReadLastOwnSeqAsync(cancellationToken), await store.ReadCursorAsync(MetaKeys.PushAcked, cancellationToken));
            if (!decision.StartsNewIncarnation)
            {
                try
                {
                    await PushAsync(hello, decision.PushAfter, cancellationToken);
                    break;
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists && reincarnations < MaxReincarnationsPerRound)
                {
                    // The hub holds other entries under our seqs: this identity's log forked (a cloned card).
                    decision = IncarnationPolicy.AfterClash(await store.ReadLastOwnSeqAsync(cancellationToken), await store.ReadCursorAsync(MetaKeys.PushAcked, cancellationToken));
                }
            }

            if (reincarnations >= MaxReincarnationsPerRound)
            {
                throw new InvalidOperationException($"The hub still holds more of this node's log than it has after {reincarnations} new incarnations.");
            }

            await store.ReincarnateAsync(decision.Reason!.Value, decision.RelogAfter, time, cancellationToken);
            hello = await HelloAsync(cancellationToken);
        }

        await UploadBlobsAsync(cancellationToken);
    }

    private async Task<HelloReply> HelloAsync(CancellationToken cancellationToken)
    {
        var request = new HelloRequest
        {
            NodeId = edge.NodeId,
            CommuneCode = edge.CommuneCode,
            NodeWallMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
            SoftwareVersion = typeof(SyncRound).Assembly.GetName().Version?.ToString() ?? "0",
            Backlog = await store.CountBacklogAsync(cancellationToken),
            Incarnation = store.Incarnation,
            LogHead = await store.ReadLastOwnSeqAsync(cancellationToken),
            MachineIdentity = store.MachineIdentity ?? string.Empty,
        };
        foreach (var device in devices.Current)
        {
            var wire = new DeviceStatus { DeviceId = device.DeviceId, Kind = device.Kind, Connected = device.Connected, LastError = device.LastError ?? string.Empty };
            foreach (var (key, value) in device.Details)
            {
                wire.Details[key] = value;
            }

            request.Devices.Add(wire);
        }

        var started = time.GetTimestamp();
        var hello = await client.HelloAsync(request, cancellationToken);
        _link.NoteHello(time.GetElapsedTime(started));
        status.Update(s => s with { ClockOffsetMs = hello.ClockOffsetMs, HubWallMs = hello.HubWallMs, HelloTimestamp = time.GetTimestamp(), OriginalsRequested = hello.OriginalsRequested });
        if (hello.EarlierIncarnations)
        {
            await store.NoteRebuiltAsync(time, cancellationToken);
        }

        return hello;
    }

    /// <summary>
    /// Sends attachment content after the records that name it, each blob resumed from what the hub
    /// already holds. A blob the hub found corrupt in transit is sent once more from the start.
    /// </summary>
    private async Task UploadBlobsAsync(CancellationToken cancellationToken)
    {
        foreach (var pending in await blobs.ListPendingAsync(cancellationToken))
        {
            var content = await blobs.ReadAsync(pending.Sha256, cancellationToken);
            if (content is null)
            {
                continue;
            }

            if (!await UploadOneAsync(pending, content, cancellationToken))
            {
                throw new InvalidOperationException($"The hub did not complete attachment {pending.Sha256} after a resend.");
            }

            await blobs.MarkUploadedAsync(pending.Sha256, cancellationToken);
            status.Update(s => s with { BlobsUploaded = s.BlobsUploaded + 1 });
        }
    }

    private async Task<bool> UploadOneAsync(PendingBlob pending, byte[] content, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var state = await client.QueryAttachmentAsync(new AttachmentQuery { Sha256 = pending.Sha256 }, cancellationToken);
            if (state.Complete)
            {
                return true;
            }

            try
            {
                var reply = await client.UploadAttachmentAsync(Chunks(pending, content, state.ReceivedBytes), content.Length - state.ReceivedBytes, cancellationToken);
                if (reply.Complete)
                {
                    return true;
                }
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.DataLoss && attempt == 0)
            {
                // The hub dropped a blob that did not match its hash; the resend starts from offset 0.
            }
        }

        return false;
    }

    internal static async IAsyncEnumerable<AttachmentChunk> Chunks(PendingBlob blob, byte[] content, long from)
    {
        for (var offset = from; offset < content.Length; offset += AttachmentChunkBytes)
        {
            await Task.Yield();
            var length = (int)Math.Min(AttachmentChunkBytes, content.Length - offset);
            yield return new AttachmentChunk
            {
                Sha256 = blob.Sha256,
                TotalSize = content.Length,
                Offset = offset,
                Data = Google.Protobuf.ByteString.CopyFrom(content, (int)offset, length),
                ContentType = blob.ContentType,
            };
        }
    }

    private async Task PullAsync(CancellationToken cancellationToken)
    {
        var cursor = await store.ReadCursorAsync(MetaKeys.PullCursor, cancellationToken);
        var request = new PullRequest
        {
            NodeId = edge.NodeId,
            AfterCursor = cursor,
            MaxEntries = options.MaxBatchEntries,
            OwnSeqHeld = await store.ReadLastOwnSeqAsync(cancellationToken),
            Incarnation = store.Incarnation,
            CursorMark = await store.ReadPullMarkAsync(cancellationToken),
        };
        string? reset = null;
        await foreach (var reply in client.PullAsync(request, cancellationToken))
        {
            if (reply.CursorReset && cursor > 0)
            {
                reset = reply.CursorMark;
                break;
            }

            var entries = new List<HubLogEntry>(reply.Entries.Count);
            foreach (var wire in reply.Entries)
            {
                if (!ChangeMapper.TryToDomain(wire.Change, out var change, out var error))
                {
                    throw new RpcException(new Status(StatusCode.DataLoss, $"hub entry {wire.HubSeq}: {error}"));
                }

                entries.Add(new HubLogEntry(wire.HubSeq, change));
            }

            await store.ApplyPulledAsync(entries, reply.Cursor, reply.CursorMark, cancellationToken);
            status.Update(s => s with { Pulled = s.Pulled + entries.Count });
        }

        if (reset is not null)
        {
            // The hub's log is not the one our cursor came from (it was restored): pull it all again, then repair.
            await ResyncAsync(request.CursorMark, reset, cancellationToken);
            await PullAsync(cancellationToken);
        }
    }
}
