namespace OneStop.LinkEmulator;

/// <summary>
/// Paces bytes to a rate: a sender takes tokens for what it sends and, when the bucket runs dry, waits on
/// the <see cref="TimeProvider"/> until the debt is paid. The bucket holds at most <paramref name="capacityBytes"/>
/// so an idle link cannot save up a burst longer than one segment.
/// </summary>
public sealed class TokenBucket(double bytesPerSecond, double capacityBytes, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly double _capacity = capacityBytes;
    private double _tokens = capacityBytes;
    private long _stamp = time.GetTimestamp();

    public double BytesPerSecond { get; } = bytesPerSecond > 0 ? bytesPerSecond : throw new ArgumentOutOfRangeException(nameof(bytesPerSecond));

    /// <summary>Takes <paramref name="bytes"/> tokens, waiting (not spinning) for as long as the link needs to carry them.</summary>
    public Task TakeAsync(int bytes, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(_capacity, _tokens + (time.GetElapsedTime(_stamp, now).TotalSeconds * BytesPerSecond));
            _stamp = now;
            // Going into debt and sleeping it off keeps the long-run rate exact whatever the segment size.
            _tokens -= bytes;
            wait = _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / BytesPerSecond);
        }

        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, time, cancellationToken);
    }
}
