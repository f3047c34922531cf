using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;
using OneStop.Edge.Store;
using OneStop.Edge.Sync;
using OneStop.Protocol;
using OneStop.Protocol.V1;

namespace OneStop.Edge.Attachments.Scans;

/// <summary>
/// Sends the hub the originals a province admin asked for, after each sync round: asks the hub what it wants from
/// this commune, and uploads each one this node holds with the attachment upload's chunks, resumed from the bytes the
/// hub already has. It never fails the round: an older hub (UNIMPLEMENTED), a cut or a refusal leaves the request
/// open at the hub, and the next round tries again.
/// </summary>
public sealed class OriginalsUpload(ScanOriginals originals, IOptions<SyncOptions> sync, IOptions<EdgeOptions> edge, TimeProvider time, ILogger<OriginalsUpload> logger)
{
    /// <summary>Runs over the sync agent's channel, with the node's credentials. Returns how many originals the hub now holds whole.</summary>
    public Task<int> RunAsync(GrpcChannel channel, CancellationToken cancellationToken) =>
        RunAsync(new OriginalsClient(new SyncClient(channel, new SyncCallSettings
        {
            NodeId = edge.Value.NodeId,
            NodeKey = sync.Value.NodeKey,
            BaseTimeout = TimeSpan.FromSeconds(sync.Value.CallTimeoutSeconds),
            TimeProvider = time,
        })), cancellationToken);

    public async Task<int> RunAsync(OriginalsClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var sent = 0;
        try
        {
            var wanted = await client.RequestedAsync(cancellationToken);
            foreach (var sha in wanted.Originals.Select(o => o.Sha256).Distinct(StringComparer.Ordinal))
            {
                if (await ReadAsync(sha, cancellationToken) is not { } original)
                {
                    // Another node of the commune holds it (or none does): the request stays open for that one.
                    continue;
                }

                if (await SendAsync(client, sha, original.ContentType, original.Content, cancellationToken))
                {
                    sent++;
                }
            }
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
        {
            logger.LogDebug("The hub cannot ask for originals yet; they stay on the node.");
        }
        catch (RpcException ex)
        {
            logger.LogWarning("Sending requested originals failed ({Status}: {Detail}); the next round tries again.", ex.StatusCode, ex.Status.Detail);
        }

        return sent;
    }

    private async Task<(string ContentType, byte[] Content)?> ReadAsync(string sha256, CancellationToken cancellationToken)
    {
        try
        {
            return await originals.ReadAsync(sha256, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            // A damaged original is never sent: the hub would refuse it by its hash anyway.
            logger.LogError("{Reason}", ex.Message);
            return null;
        }
    }

    private static async Task<bool> SendAsync(OriginalsClient client, string sha256, string contentType, byte[] content, CancellationToken cancellationToken)
    {
        var state = await client.Sync.QueryAttachmentAsync(new AttachmentQuery { Sha256 = sha256 }, cancellationToken);
        // Content the hub holds already (the same bytes filed another way) still needs one chunk, so the hub marks the
        // request received; the store skips bytes it holds.
        var from = state.Complete ? content.Length - 1 : state.ReceivedBytes;
        var reply = await client.UploadAsync(SyncRound.Chunks(new PendingBlob(sha256, content.LongLength, contentType), content, from), content.Length - from, cancellationToken);
        return reply.Complete;
    }
}
