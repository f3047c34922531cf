using System.Runtime.CompilerServices;
using Grpc.Core;
using Grpc.Net.Client;
using OneStop.Protocol.AttachmentsDown;

namespace OneStop.Protocol;

/// <summary>The node's side of <c>onestop.attachments.v1.AttachmentsDown</c>: the same credentials and deadlines as <see cref="SyncClient"/>.</summary>
public sealed class AttachmentFetchClient(GrpcChannel channel, SyncCallSettings settings)
{
    /// <summary>
    /// Largest piece either end accepts: 64 KiB, the upload's chunk, so a cut on a 2G link costs at most one piece and
    /// a piece never nears the message limit. The hub never sends more; the node refuses a larger one.
    /// </summary>
    public const int MaxPieceBytes = 64 * 1024;

    public const string ServiceName = "onestop.attachments.v1.AttachmentsDown";

    public const string FetchMethod = "/" + ServiceName + "/Fetch";

    private readonly AttachmentsDown.AttachmentsDown.AttachmentsDownClient _calls = new(channel ?? throw new ArgumentNullException(nameof(channel)));

    public SyncCallSettings Settings { get; } = settings ?? throw new ArgumentNullException(nameof(settings));

    /// <summary>
    /// Streams the pieces of one attachment from <paramref name="offset"/>. Like a pull, no deadline fits a whole
    /// stream: each piece must arrive within the budget of one largest piece.
    /// </summary>
    public async IAsyncEnumerable<FetchPiece> FetchAsync(Guid attachmentId, long offset, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = new FetchRequest { NodeId = Settings.NodeId, AttachmentId = attachmentId.ToString(), Offset = offset, MaxPieceBytes = MaxPieceBytes };
        var perPiece = Settings.Budget(MaxPieceBytes);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(perPiece);
        var headers = new Metadata
        {
            { NodeHeaders.NodeId, Settings.NodeId },
            { NodeHeaders.Authorization, "Bearer " + Settings.NodeKey },
        };
        using var call = _calls.Fetch(request, new CallOptions(headers, deadline: null, idle.Token));
        while (true)
        {
            bool more;
            try
            {
                more = await call.ResponseStream.MoveNext(idle.Token);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"no attachment piece within {perPiece}"));
            }

            if (!more)
            {
                yield break;
            }

            idle.CancelAfter(perPiece);
            yield return call.ResponseStream.Current;
        }
    }
}
