using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;
using OneStop.Edge.Sync;
using OneStop.Protocol;
using OneStop.Protocol.Audit;
using OneStop.Protocol.Audit.V1;

namespace OneStop.Edge.Audit;

/// <summary>
/// Sends the node's audit entries to the hub after each sync round, from the position the hub last said it
/// holds, in batches. It never fails the round: a hub without the audit service (older) answers UNIMPLEMENTED: the entries wait on the
/// node and records keep syncing.
/// </summary>
public sealed class AuditPush(EdgeAuditLog audit, IOptions<SyncOptions> syncOptions, IOptions<EdgeOptions> edgeOptions, TimeProvider time, ILogger<AuditPush> logger)
{
    /// <summary>Entries per call, as many as the hub takes in one (<c>AuditSyncService.MaxEntriesPerPush</c>).</summary>
    public const int BatchSize = 500;

    /// <summary>Pushes until the hub holds everything, makes no progress, or reports a broken link.</summary>
    public async Task RunAsync(GrpcChannel channel, CancellationToken cancellationToken)
    {
        var client = new AuditSync.AuditSyncClient(channel);
        var (chainId, held) = await audit.ReadPositionAsync(cancellationToken);
        while (true)
        {
            var batch = await audit.ReadAfterAsync(held, BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            var request = new AuditPushRequest { ChainId = chainId };
            request.Entries.AddRange(batch.Select(AuditMapping.ToProto));
            AuditPushReply reply;
            try
            {
                reply = await client.PushAsync(request, CallOptions(cancellationToken));
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
            {
                logger.LogDebug("The hub has no audit service yet; {Count} audit entries wait on the node.", batch.Count);
                return;
            }
            catch (RpcException ex)
            {
                // The audit never holds up records: its entries wait for the next round.
                logger.LogWarning("Audit push failed ({Status}); {Count} entries wait on the node.", ex.StatusCode, batch.Count);
                return;
            }

            if (reply.BrokenSequence != 0)
            {
                logger.LogWarning("The hub found the node's audit chain broken at sequence {Sequence}: {Reason}.", reply.BrokenSequence, reply.BrokenReason);
            }

            var progressed = reply.HeldSequence > held;
            held = reply.HeldSequence;
            await audit.SetHubAckedAsync(held, cancellationToken);
            if (!progressed || reply.BrokenSequence != 0 || batch.Count < BatchSize)
            {
                return;
            }
        }
    }

    private CallOptions CallOptions(CancellationToken cancellationToken) => new(
        new Metadata
        {
            { NodeHeaders.NodeId, edgeOptions.Value.NodeId },
            { NodeHeaders.Authorization, "Bearer " + syncOptions.Value.NodeKey },
            // gzipped like the records' pushes: sent plain, 1,400 entries were 385 KB of a backlog's 798 KB.
            { SyncClient.RequestEncodingHeader, "gzip" },
        },
        time.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(syncOptions.Value.CallTimeoutSeconds),
        cancellationToken);
}
