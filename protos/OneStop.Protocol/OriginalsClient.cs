using OneStop.Protocol.Originals.V1;
using OneStop.Protocol.V1;

namespace OneStop.Protocol;

/// <summary>
/// The node's side of <c>onestop.originals.v1.Originals</c>, over a <see cref="SyncClient"/>'s channel with its
/// credentials, deadlines and upload streaming. An older hub answers UNIMPLEMENTED.
/// </summary>
public sealed class OriginalsClient(SyncClient sync)
{
    public const string ServiceName = "onestop.originals.v1.Originals";

    private readonly Originals.V1.Originals.OriginalsClient _calls = new((sync ?? throw new ArgumentNullException(nameof(sync))).Channel);

    public SyncClient Sync { get; } = sync;

    public async Task<RequestedOriginals> RequestedAsync(CancellationToken cancellationToken = default) =>
        await _calls.RequestedAsync(new RequestedQuery { NodeId = Sync.Settings.NodeId }, Sync.Options(Sync.Settings.MaxReplyBytes, cancellationToken));

    /// <summary>Streams one original's chunks; <paramref name="bytes"/> (what is left to send) sizes the deadline.</summary>
    public async Task<UploadReply> UploadAsync(IAsyncEnumerable<AttachmentChunk> chunks, long bytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        using var call = _calls.Upload(Sync.Options(bytes + SyncClient.SmallReplyBytes, cancellationToken));
        return await SyncClient.SendChunksAsync(call, chunks, cancellationToken);
    }
}
