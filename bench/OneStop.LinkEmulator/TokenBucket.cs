namespace OneStop.LinkEmulator;

/// <summary>
/// Paces bytes to a rate: a sender takes tokens for what it sends and, when the bucket runs dry, waits on
/// the <see cref="TimeProvider"/> until the debt is paid. The bucket holds at most <paramref name="capacityBytes"/>
/// so an idle link cannot save up a burst longer than one segment.
/// </summary>
public sealed class TokenBucket(double bytesPerSecond, double capacityBytes, TimeProvider time)
{
    /// <summary>Most link time a late wake-up can give back: 100 ms, so a sender that was in fact idle gains little.</summary>
    public static readonly TimeSpan MaxCatchUp = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private readonly double _capacity = capacityBytes;
    private double _tokens = capacityBytes;
    private long _stamp = time.GetTimestamp();
    private long _lastDue;
    private bool _busy;

    public double BytesPerSecond { get; } = bytesPerSecond > 0 ? bytesPerSecond : throw new ArgumentOutOfRangeException(nameof(bytesPerSecond));

    /// <summary>Takes <paramref name="bytes"/> tokens, waiting (not spinning) for as long as the link needs to carry them.</summary>
    public Task TakeAsync(int bytes, CancellationToken cancellationToken) => TakeAsync(bytes, backlogged: false, cancellationToken);

    /// <summary>
    /// As <see cref="TakeAsync(int, CancellationToken)"/>; <paramref name="backlogged"/> says the sender had these bytes
    /// waiting. A pacer that wakes late (a loaded machine: at load 25 the uplink gave 54 of its 64 KB/s) would otherwise
    /// lose that time from a link that had bytes to carry; for a backlogged sender the time since the last debt fell due
    /// is given back, up to <see cref="MaxCatchUp"/>, so a busy link carries its rate however late the timer fires.
    /// Backlogged means the bytes were waiting when the pacer woke from the last take, not that they arrived since.
    /// </summary>
    public Task TakeAsync(int bytes, bool backlogged, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetTimestamp();
            var capacity = _capacity;
            if (backlogged && _busy && now > _lastDue)
            {
                var late = time.GetElapsedTime(_lastDue, now);
                capacity += (late < MaxCatchUp ? late : MaxCatchUp).TotalSeconds * BytesPerSecond;
            }

            _tokens = Math.Min(capacity, _tokens + (time.GetElapsedTime(_stamp, now).TotalSeconds * BytesPerSecond));
            _stamp = now;
            // Going into debt and sleeping it off keeps the long-run rate exact whatever the segment size.
            _tokens -= bytes;
            wait = _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / BytesPerSecond);
            if (wait > TimeSpan.Zero)
            {
                _lastDue = now + (long)(wait.TotalSeconds * time.TimestampFrequency);
            }

            // Busy since the last debt for as long as every take found bytes waiting; a take that did not ends it,
            // so a sender that paused cannot come back to credit it never queued for.
            _busy = wait > TimeSpan.Zero || (backlogged && _busy);
        }

        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, time, cancellationToken);
    }
}
