using System.Security.Cryptography.X509Certificates;

namespace OneStop.Protocol;

/// <summary>Connection-wide settings of the one long-lived channel a node keeps to its hub.</summary>
public sealed class SyncChannelOptions
{
    /// <summary>Default of <see cref="MaxReceiveMessageBytes"/>: 4 MiB, the usual gRPC default and the hub's.</summary>
    public const int DefaultMaxReceiveMessageBytes = 4 * 1024 * 1024;

    /// <summary>Default of <see cref="MaxSendMessageBytes"/>: 4 MiB, what a default gRPC server accepts.</summary>
    public const int DefaultMaxSendMessageBytes = 4 * 1024 * 1024;

    /// <summary>Default of <see cref="KeepAlivePingDelay"/>: 30 seconds, inside typical NAT idle timeouts.</summary>
    public static readonly TimeSpan DefaultKeepAlivePingDelay = TimeSpan.FromSeconds(30);

    /// <summary>Default of <see cref="KeepAlivePingTimeout"/>: 20 seconds, patient with 2G round trips.</summary>
    public static readonly TimeSpan DefaultKeepAlivePingTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Default of <see cref="ConnectTimeout"/>: 15 seconds.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Largest response message accepted, decompressed; larger ones fail with RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageBytes { get; set; } = DefaultMaxReceiveMessageBytes;

    /// <summary>Largest request message sent; larger ones fail locally with RESOURCE_EXHAUSTED.</summary>
    public int MaxSendMessageBytes { get; set; } = DefaultMaxSendMessageBytes;

    /// <summary>Certificate presented for mutual TLS; must carry its private key. Default none.</summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>When set, the hub's chain must end at this root (the hub's private CA) instead of the machine's store.</summary>
    public X509Certificate2? TrustedRoot { get; set; }

    /// <summary>HTTP/2 PING interval while calls are active.</summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = DefaultKeepAlivePingDelay;

    /// <summary>How long a PING may go unanswered before the connection is dropped.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = DefaultKeepAlivePingTimeout;

    /// <summary>How long establishing a connection may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = DefaultConnectTimeout;
}
