using System.Buffers;
using System.Net;
using Google.Protobuf;

namespace OneStop.Protocol.Transport;

/// <summary>
/// Pumps the caller's request messages into the HTTP/2 request body of a client-streaming call, and stops
/// as soon as the server has answered on its own (an early status) or the connection is gone.
/// </summary>
internal sealed class RequestStreamWriter<TRequest>(GrpcChannel channel, GrpcClientCall call, Stream body, Task<HttpResponseMessage> send)
    where TRequest : IMessage<TRequest>
{
    private readonly ArrayBufferWriter<byte> _frame = new();

    public async Task WriteAllAsync(IAsyncEnumerable<TRequest> requests)
    {
        // A separate token lets us stop a slow source (a file read, a live producer) once the call is over.
        using var sourceStop = CancellationTokenSource.CreateLinkedTokenSource(call.Token);
        var enumerator = requests.GetAsyncEnumerator(sourceStop.Token);
        var disposeEnumerator = true;
        try
        {
            while (true)
            {
                var next = enumerator.MoveNextAsync().AsTask();
                while (!next.IsCompleted)
                {
                    await Task.WhenAny(next, send).ConfigureAwait(false);
                    if (!next.IsCompleted && ServerFinishedEarly())
                    {
                        await sourceStop.CancelAsync().ConfigureAwait(false);
                        // The source may not honour cancellation; never wait on it once the call is over.
                        disposeEnumerator = false;
                        _ = next.ContinueWith(
                            async _ => await enumerator.DisposeAsync().ConfigureAwait(false),
                            CancellationToken.None,
                            TaskContinuationOptions.None,
                            TaskScheduler.Default);
                        return;
                    }

                    if (!next.IsCompleted)
                    {
                        await next.ConfigureAwait(false);
                    }
                }

                if (!await ReadSourceAsync(next).ConfigureAwait(false) || ServerFinishedEarly())
                {
                    return;
                }

                if (!await TryWriteAsync(enumerator.Current).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        finally
        {
            if (disposeEnumerator)
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<bool> ReadSourceAsync(Task<bool> next)
    {
        try
        {
            return await next.ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (call.Token.IsCancellationRequested)
        {
            throw call.Map(ex);
        }
    }

    private async Task<bool> TryWriteAsync(TRequest message)
    {
        _frame.ResetWrittenCount();
        var size = GrpcFrame.Write(_frame, message, channel.Options.CompressRequests, channel.Options.MaxSendMessageBytes);
        try
        {
            await body.WriteAsync(_frame.WrittenMemory, call.Token).ConfigureAwait(false);
            await body.FlushAsync(call.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or ObjectDisposedException or OperationCanceledException)
        {
            if (call.Token.IsCancellationRequested)
            {
                throw call.Map(ex);
            }

            // The server may have answered early and reset the stream (e.g. RESOURCE_EXHAUSTED):
            // its status, read from the response, is the truth, not this write error.
            return false;
        }

        channel.AddBytesSent(size);
        return true;
    }

    private bool ServerFinishedEarly() =>
        send.IsCompleted && (send.Status != TaskStatus.RanToCompletion
            || send.Result.Headers.Contains(GrpcHeaders.Status)
            || send.Result.StatusCode != HttpStatusCode.OK);
}
