using System.Buffers;
using System.Net.Sockets;
using System.Threading.Channels;

namespace OneStop.LinkEmulator;

/// <summary>
/// One direction of a connection: reads segments from one socket, lets the rate limiter serialise them,
/// holds each for the one-way delay (plus jitter, never reordering), then writes them to the other socket.
/// Two loops joined by a bounded queue, so a slow link pushes back on the sender like a full TCP window.
/// </summary>
internal sealed class LinkDirection(
    LinkConnection connection,
    Socket from,
    Socket to,
    PathShape shape,
    bool up,
    long notBefore,
    TimeProvider time,
    LinkStats stats)
{
    private readonly Channel<Segment> _inFlight = Channel.CreateBounded<Segment>(new BoundedChannelOptions(1024) { SingleReader = true, SingleWriter = true });

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(TransmitAsync(cancellationToken), DeliverAsync(cancellationToken));

    private async Task TransmitAsync(CancellationToken cancellationToken)
    {
        long lastRelease = 0;
        try
        {
            while (true)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(shape.SegmentBytes);
                // Bytes already waiting in the socket: the sender is ahead of the link, whose pacer must not lose time.
                var backlogged = from.Available > 0;
                var read = await from.ReceiveAsync(buffer.AsMemory(0, shape.SegmentBytes), SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }

                var readAt = time.GetTimestamp();
                if (up)
                {
                    stats.Sending(readAt);
                }

                if (notBefore > 0 && time.GetTimestamp() < notBefore)
                {
                    await Task.Delay(time.GetElapsedTime(time.GetTimestamp(), notBefore), time, cancellationToken);
                }

                var (allowed, cutNow) = connection.Claim(read);
                if (shape.Bucket is not null && allowed > 0)
                {
                    await shape.Bucket.TakeAsync(allowed, backlogged, cancellationToken);
                }

                stats.Transmitted(up, allowed);
                if (up)
                {
                    stats.Uplink.Segment(readAt, time.GetTimestamp(), allowed, time.TimestampFrequency);
                }

                if (cutNow)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    connection.CutAtOffset();
                    return;
                }

                lastRelease = Math.Max(lastRelease, time.GetTimestamp() + Ticks(DelayWithJitter()));
                await _inFlight.Writer.WriteAsync(new Segment(buffer, allowed, lastRelease), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            connection.Abort();
        }
        finally
        {
            _inFlight.Writer.TryComplete();
        }
    }

    private async Task DeliverAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var segment in _inFlight.Reader.ReadAllAsync(cancellationToken))
            {
                var wait = time.GetElapsedTime(time.GetTimestamp(), segment.ReleaseAt);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken);
                }

                await to.SendAsync(segment.Buffer.AsMemory(0, segment.Length), SocketFlags.None, cancellationToken);
                stats.Delivered(time.GetTimestamp());
                if (!up)
                {
                    stats.Uplink.Delivered(time.GetTimestamp(), segment.Length);
                }
                ArrayPool<byte>.Shared.Return(segment.Buffer);
            }

            // The sender closed its side cleanly: pass the FIN on once everything before it has arrived.
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            connection.Abort();
        }
    }

    private TimeSpan DelayWithJitter()
    {
        if (shape.Jitter <= TimeSpan.Zero)
        {
            return shape.Delay;
        }

        var offset = ((Random.Shared.NextDouble() * 2) - 1) * shape.Jitter.TotalMilliseconds;
        var delay = shape.Delay + TimeSpan.FromMilliseconds(offset);
        return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);

    private readonly record struct Segment(byte[] Buffer, int Length, long ReleaseAt);
}
