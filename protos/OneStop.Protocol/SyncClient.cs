using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using OneStop.Protocol.V1;

namespace OneStop.Protocol;

/// <summary>
/// The node's calls to the hub over the generated <see cref="Sync.SyncClient"/>: adds the node's credentials,
/// gzip and a deadline sized to the bytes each call carries. Failures are <see cref="RpcException"/>s.
/// </summary>
public sealed class SyncClient(GrpcChannel channel, SyncCallSettings settings)
{
    /// <summary>The header that has Grpc.Net.Client gzip a call's request message (the hub accepts gzip on every service).</summary>
    public const string RequestEncodingHeader = "grpc-internal-encoding-request";

    /// <summary>Small replies (Hello, Push, QueryAttachment, RepairPush): what their deadline allows for.</summary>
    internal const int SmallReplyBytes = 4 * 1024;

    private readonly Sync.SyncClient _calls = new(channel ?? throw new ArgumentNullException(nameof(channel)));

    public GrpcChannel Channel { get; } = channel;

    public SyncCallSettings Settings { get; } = settings ?? throw new ArgumentNullException(nameof(settings));

    public async Task<HelloReply> HelloAsync(HelloRequest request, CancellationToken cancellationToken = default) =>
        await _calls.HelloAsync(request, Options(Size(request) + SmallReplyBytes, cancellationToken));

    public async Task<PushReply> PushAsync(PushRequest request, CancellationToken cancellationToken = default) =>
        await _calls.PushAsync(request, Options(Size(request) + SmallReplyBytes, cancellationToken));

    public async Task<AttachmentState> QueryAttachmentAsync(AttachmentQuery request, CancellationToken cancellationToken = default) =>
        await _calls.QueryAttachmentAsync(request, Options(Size(request) + SmallReplyBytes, cancellationToken));

    public async Task<DigestReply> DigestAsync(DigestRequest request, CancellationToken cancellationToken = default) =>
        await _calls.DigestAsync(request, Options(Size(request) + Settings.MaxReplyBytes, cancellationToken));

    public async Task<RepairPushReply> RepairPushAsync(RepairPushRequest request, CancellationToken cancellationToken = default) =>
        await _calls.RepairPushAsync(request, Options(Size(request) + SmallReplyBytes, cancellationToken));

    public async Task<RepairFetchReply> RepairFetchAsync(RepairFetchRequest request, CancellationToken cancellationToken = default) =>
        await _calls.RepairFetchAsync(request, Options(Size(request) + Settings.MaxReplyBytes, cancellationToken));

    /// <summary>
    /// Streams pull pages. A pull drains however many pages the backlog holds, so no deadline fits the whole
    /// stream: instead each page must arrive within the budget of one largest page.
    /// </summary>
    public async IAsyncEnumerable<PullReply> PullAsync(PullRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var perPage = Settings.Budget(Size(request) + Settings.MaxReplyBytes);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(perPage);
        using var call = _calls.Pull(request, Options(deadline: null, idle.Token));
        while (true)
        {
            bool more;
            try
            {
                more = await call.ResponseStream.MoveNext(idle.Token);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"no pull page within {perPage}"));
            }

            if (!more)
            {
                yield break;
            }

            idle.CancelAfter(perPage);
            yield return call.ResponseStream.Current;
        }
    }

    /// <summary>Streams one attachment's chunks; <paramref name="bytes"/> (what is left to send) sizes the deadline.</summary>
    public async Task<UploadReply> UploadAttachmentAsync(IAsyncEnumerable<AttachmentChunk> chunks, long bytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        using var call = _calls.UploadAttachment(Options(bytes + SmallReplyBytes, cancellationToken));
        return await SendChunksAsync(call, chunks, cancellationToken);
    }

    /// <summary>Streams chunks into an upload call (any service's) and returns the hub's reply, even when the hub ended the call first.</summary>
    internal static async Task<UploadReply> SendChunksAsync(AsyncClientStreamingCall<AttachmentChunk, UploadReply> call, IAsyncEnumerable<AttachmentChunk> chunks, CancellationToken cancellationToken)
    {
        // A hub that ends the call early (a refusal, a failed connect) must stop a producer still waiting for data.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = call.ResponseAsync.ContinueWith(static (_, state) => CancelQuietly((CancellationTokenSource)state!), ended, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            await foreach (var chunk in chunks.WithCancellation(ended.Token))
            {
                await call.RequestStream.WriteAsync(chunk, ended.Token);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is RpcException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The hub ended the call first: its status, awaited below, is the answer.
        }

        return await call.ResponseAsync;
    }

    private static long Size(IMessage message) => message.CalculateSize();

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The upload finished and let go of it first.
        }
    }

    internal CallOptions Options(long bytes, CancellationToken cancellationToken) =>
        Options(Settings.TimeProvider.GetUtcNow().UtcDateTime + Settings.Budget(bytes), cancellationToken);

    private CallOptions Options(DateTime? deadline, CancellationToken cancellationToken)
    {
        var headers = new Metadata
        {
            { NodeHeaders.NodeId, Settings.NodeId },
            { NodeHeaders.Authorization, "Bearer " + Settings.NodeKey },
        };
        if (Settings.CompressRequests)
        {
            headers.Add(RequestEncodingHeader, "gzip");
        }

        return new CallOptions(headers, deadline, cancellationToken);
    }
}
