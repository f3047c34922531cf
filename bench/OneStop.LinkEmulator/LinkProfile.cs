namespace OneStop.LinkEmulator;

/// <summary>
/// What one emulated link does to bytes: a rate per direction (bits per second, "down" is hub → node),
/// a one-way delay each way, and a uniform jitter around it. Cuts are a separate <see cref="ICutPolicy"/>.
/// </summary>
public sealed record LinkProfile(string Name, long DownBitsPerSecond, long UpBitsPerSecond, TimeSpan RoundTrip, TimeSpan Jitter)
{
    /// <summary>Bits per second that means "no rate limit" (loopback speed).</summary>
    public const long Unlimited = 0;

    public TimeSpan OneWayDelay => RoundTrip / 2;

    public double DownBytesPerSecond => DownBitsPerSecond / 8.0;

    public double UpBytesPerSecond => UpBitsPerSecond / 8.0;

    /// <summary>Seconds to move the given bytes each way at this link's rates (no round trips).</summary>
    public double TransferSeconds(long upBytes, long downBytes) =>
        (UpBitsPerSecond == Unlimited ? 0 : upBytes / UpBytesPerSecond)
        + (DownBitsPerSecond == Unlimited ? 0 : downBytes / DownBytesPerSecond);

    public override string ToString() =>
        $"{Name}: {Format(DownBitsPerSecond)} down / {Format(UpBitsPerSecond)} up, {RoundTrip.TotalMilliseconds:0} ms RTT"
        + (Jitter > TimeSpan.Zero ? $" ± {Jitter.TotalMilliseconds:0} ms" : string.Empty);

    private static string Format(long bits) => bits switch
    {
        Unlimited => "unlimited",
        >= 1_000_000 => $"{bits / 1_000_000.0:0.###} Mbit/s",
        _ => $"{bits / 1000.0:0.###} kbit/s",
    };
}
