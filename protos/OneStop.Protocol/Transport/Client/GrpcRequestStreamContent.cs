using System.Net;

namespace OneStop.Protocol.Transport;

/// <summary>
/// A request body written while the call runs: hands the HTTP/2 stream out to the caller and stays open
/// until <see cref="Complete"/>, which ends the request stream.
/// </summary>
internal sealed class GrpcRequestStreamContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when HttpClient is ready for the body; never, if the connection fails first.</summary>
    public Task<Stream> StreamReady => _stream.Task;

    public void Complete() => _finished.TrySetResult();

    public void Abort(Exception reason) => _finished.TrySetException(reason);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _stream.TrySetResult(stream);
        await _finished.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _finished.TrySetCanceled();
        }

        base.Dispose(disposing);
    }
}
