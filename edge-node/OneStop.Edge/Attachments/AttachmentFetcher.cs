using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;
using OneStop.Edge.Store;
using OneStop.Edge.Sync;
using OneStop.Protocol;
using OneStop.Protocol.AttachmentsDown;

namespace OneStop.Edge.Attachments;

/// <summary>
/// Fetches from the hub the content of attachments whose records reached this node without it (files a resident
/// attached online): after each sync round, within <see cref="AttachmentFetchOptions"/>'s bounds, resumed from the
/// bytes already here, and visible only once the whole content hashes to the SHA-256 its record names.
/// </summary>
public sealed class AttachmentFetcher(
    AttachmentFetchQueue queue,
    BlobStore blobs,
    SyncStatus status,
    IOptions<AttachmentFetchOptions> options,
    IOptions<EdgeOptions> edge,
    IOptions<SyncOptions> sync,
    TimeProvider time,
    ILogger<AttachmentFetcher> logger)
{
    private int _notes;

    /// <summary>Runs over the sync agent's channel, with the node's credentials.</summary>
    public Task<bool> RunAsync(GrpcChannel channel, CancellationToken cancellationToken) =>
        RunAsync(new AttachmentFetchClient(channel, new SyncCallSettings
        {
            NodeId = edge.Value.NodeId,
            NodeKey = sync.Value.NodeKey,
            BaseTimeout = TimeSpan.FromSeconds(sync.Value.CallTimeoutSeconds),
            TimeProvider = time,
        }), cancellationToken);

    /// <summary>
    /// Fetches what is due. Never throws for the link or the hub (the round that ran before it succeeded, and the
    /// reason is kept for the sync status). True when it stopped at a bound with more due, so the agent goes on soon.
    /// </summary>
    public async Task<bool> RunAsync(AttachmentFetchClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var limits = options.Value;
        var notesBefore = _notes;
        await queue.ScanAsync(edge.Value.MaxAttachmentBytes, cancellationToken);
        using var timer = new CancellationTokenSource(TimeSpan.FromSeconds(limits.MaxSecondsPerRound), time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var budget = limits.MaxBytesPerRound;
        foreach (var due in await queue.ListDueAsync(cancellationToken))
        {
            try
            {
                budget -= await FetchOneAsync(client, due, budget, bounded.Token);
                if (budget <= 0 || timer.IsCancellationRequested)
                {
                    // At a bound, possibly inside this content: the next round resumes it from the bytes held.
                    return true;
                }
            }
            catch (Exception ex) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested && ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            {
                return true;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
            {
                // A hub older than the service: records still sync; the content waits for a newer hub.
                Note("the hub does not serve attachment content yet (UNIMPLEMENTED)");
                return false;
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.PermissionDenied or StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.OutOfRange or StatusCode.InvalidArgument)
            {
                await FailAsync(due, $"{ex.StatusCode}: {ex.Status.Detail}", discardPieces: ex.StatusCode == StatusCode.OutOfRange, cancellationToken);
            }
            catch (AttachmentPieceRefusedException ex)
            {
                await FailAsync(due, ex.Message, discardPieces: false, cancellationToken);
            }
            catch (Exception ex) when (ex is RpcException or HttpRequestException or IOException)
            {
                // The link went: what arrived is kept, the next round resumes from it.
                Note(ex is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : ex.Message);
                return false;
            }
        }

        if (_notes == notesBefore)
        {
            status.Update(s => s with { LastFetchError = null });
        }

        return false;
    }

    /// <summary>Fetches one content from the bytes held; returns the bytes it received.</summary>
    private async Task<long> FetchOneAsync(AttachmentFetchClient client, QueuedFetch due, long budget, CancellationToken cancellationToken)
    {
        var held = due.Held;
        long received = 0;
        if (held < due.Size)
        {
            await foreach (var piece in client.FetchAsync(due.AttachmentId, held, cancellationToken))
            {
                Check(due, held, piece);
                await queue.AppendAsync(due.Sha256, held, piece.Data.ToByteArray(), cancellationToken);
                held += piece.Data.Length;
                received += piece.Data.Length;
                status.Update(s => s with { BlobBytesFetched = s.BlobBytesFetched + piece.Data.Length });
                if (received >= budget && held < due.Size)
                {
                    // Leaving the loop cancels the call; the rest comes at the next round, from here.
                    return received;
                }
            }
        }

        if (held < due.Size)
        {
            throw new AttachmentPieceRefusedException($"the hub ended attachment {due.AttachmentId} after {held} of {due.Size} bytes");
        }

        var content = await queue.AssembleAsync(due.Sha256, due.Size, cancellationToken);
        if (content.LongLength != due.Size || BlobStore.HashOf(content) != due.Sha256)
        {
            logger.LogWarning("Attachment {Id} fetched from the hub does not hash to {Sha}: discarded", due.AttachmentId, due.Sha256);
            await FailAsync(due, $"attachment {due.AttachmentId}: the content from the hub does not match its SHA-256; discarded, fetched again later", discardPieces: true, cancellationToken);
            return received;
        }

        await blobs.StoreFetchedAsync(due.Sha256, due.ContentType, content, cancellationToken);
        await queue.CompleteAsync(due.Sha256, cancellationToken);
        status.Update(s => s with { BlobsFetched = s.BlobsFetched + 1 });
        return received;
    }

    /// <summary>Each piece must continue exactly where the content held ends, within the piece limit and the record's size.</summary>
    private static void Check(QueuedFetch due, long held, FetchPiece piece)
    {
        var problem =
            piece.Data.Length is 0 or > AttachmentFetchClient.MaxPieceBytes ? $"a piece of {piece.Data.Length} bytes (the limit is {AttachmentFetchClient.MaxPieceBytes})"
            : piece.Offset != held ? $"a piece at {piece.Offset} where {held} was expected"
            : piece.Sha256 != due.Sha256 || piece.TotalSize != due.Size ? $"a piece of {piece.Sha256} ({piece.TotalSize} bytes), not of {due.Sha256} ({due.Size} bytes)"
            : held + piece.Data.Length > due.Size ? $"a piece running past the record's {due.Size} bytes"
            : null;
        if (problem is not null)
        {
            throw new AttachmentPieceRefusedException($"attachment {due.AttachmentId}: refused {problem}");
        }
    }

    private async Task FailAsync(QueuedFetch due, string reason, bool discardPieces, CancellationToken cancellationToken)
    {
        await queue.FailAsync(due.Sha256, reason, TimeSpan.FromMinutes(options.Value.RetryMinutes), discardPieces, cancellationToken);
        Note(reason);
    }

    private void Note(string reason)
    {
        _notes++;
        logger.LogWarning("Attachment fetch: {Reason}", reason);
        status.Update(s => s with { LastFetchError = reason });
    }
}

/// <summary>A piece from the hub that does not continue the content as its record describes it; nothing of it is kept.</summary>
public sealed class AttachmentPieceRefusedException(string message) : Exception(message);
