namespace OneStop.Protocol;

/// <summary>Who a node is to the hub and how long its calls may take.</summary>
public sealed class SyncCallSettings
{
    /// <summary>Default of <see cref="LinkFloorBytesPerSecond"/>: 8,000 bytes/s, a 64 kbit/s 2G link.</summary>
    public const int DefaultLinkFloorBytesPerSecond = 8_000;

    /// <summary>Default of <see cref="BaseTimeout"/>: 30 s, the old fixed deadline, now only the part that does not depend on size.</summary>
    public static readonly TimeSpan DefaultBaseTimeout = TimeSpan.FromSeconds(30);

    public string NodeId { get; set; } = string.Empty;

    /// <summary>Shared secret sent as a bearer key until enrolment's mutual TLS takes over.</summary>
    public string NodeKey { get; set; } = string.Empty;

    /// <summary>Part of every deadline that does not depend on the bytes carried (connect, hub work, a few round trips).</summary>
    public TimeSpan BaseTimeout { get; set; } = DefaultBaseTimeout;

    /// <summary>Slowest link a deadline allows for: bytes carried ÷ this rate is added to <see cref="BaseTimeout"/>.</summary>
    public int LinkFloorBytesPerSecond { get; set; } = DefaultLinkFloorBytesPerSecond;

    /// <summary>Gzip request messages (grpc-encoding: gzip). Replies are gzipped by the hub whenever the node accepts it.</summary>
    public bool CompressRequests { get; set; } = true;

    /// <summary>Largest reply a unary call or one pull page may carry, counted in its deadline; the hub's message limit.</summary>
    public int MaxReplyBytes { get; set; } = SyncChannelOptions.DefaultMaxReceiveMessageBytes;

    /// <summary>The clock deadlines are computed on.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// How long a call carrying <paramref name="bytes"/> (both directions) may take: a 1 MB upload on a 64 kbit/s
    /// link needs about 131 s on top of the base, where a fixed 30 s would cut it every time.
    /// </summary>
    public TimeSpan Budget(long bytes) =>
        BaseTimeout + TimeSpan.FromSeconds((double)Math.Max(0, bytes) / Math.Max(1, LinkFloorBytesPerSecond));
}
