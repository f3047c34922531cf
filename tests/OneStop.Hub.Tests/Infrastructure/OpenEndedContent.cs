using System.Net;

namespace OneStop.Hub.Tests.Infrastructure;

/// <summary>
/// A request body that sends some bytes and then neither ends nor sends more until released: either
/// ending the stream cleanly or aborting it, as a client that vanished mid-upload would.
/// </summary>
public sealed class OpenEndedContent(byte[] initial) : HttpContent
{
    private readonly TaskCompletionSource<bool> _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the initial bytes were flushed to the server.</summary>
    public Task Sent => _sent.Task;

    public void End() => _release.TrySetResult(true);

    public void Abort() => _release.TrySetResult(false);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(initial);
        await stream.FlushAsync();
        _sent.TrySetResult();
        if (!await _release.Task)
        {
            throw new IOException("Client gave up mid-stream (test).");
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        _release.TrySetResult(true);
        base.Dispose(disposing);
    }
}
