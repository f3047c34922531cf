using System.ComponentModel.DataAnnotations;

namespace OneStop.Edge.Sync;

/// <summary>How the node reaches the hub (section "Sync"). Without <see cref="HubUrl"/> the node runs offline only.</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>Default pause between sync rounds when nothing is written locally: 15 s.</summary>
    public const int DefaultIntervalSeconds = 15;

    /// <summary>Default bound on entries per pushed batch: 200.</summary>
    public const int DefaultMaxBatchEntries = 200;

    /// <summary>Default bound on a pushed batch's encoded size: 256 KiB, well under the hub's 4 MiB message limit.</summary>
    public const int DefaultMaxBatchBytes = 256 * 1024;

    /// <summary>Default base of every call's deadline: 30 s, to which the bytes it carries add their time on a 64 kbit/s link.</summary>
    public const int DefaultCallTimeoutSeconds = 30;

    public Uri? HubUrl { get; set; }

    /// <summary>Offset from the hub's clock past which the status reports "clock suspect": 2 minutes (<see cref="Core.Clock.ClockPolicy.DefaultSuspectOffsetMs"/>).</summary>
    [Range(0, long.MaxValue)]
    public long ClockSuspectBoundMs { get; set; } = Core.Clock.ClockPolicy.DefaultSuspectOffsetMs;

    /// <summary>Shared secret presented to the hub until enrolment issues a client certificate.</summary>
    public string NodeKey { get; set; } = string.Empty;

    [Range(1, 3600)]
    public int IntervalSeconds { get; set; } = DefaultIntervalSeconds;

    [Range(1, 10_000)]
    public int MaxBatchEntries { get; set; } = DefaultMaxBatchEntries;

    [Range(1024, 4 * 1024 * 1024)]
    public int MaxBatchBytes { get; set; } = DefaultMaxBatchBytes;

    /// <summary>
    /// Default bound on push batches in flight at once: 4, what the hub offers, so neither the round trip nor the
    /// hub's commit leaves the uplink idle. MidTransferCutTests cuts a push with 1 and with 4 in flight.
    /// </summary>
    public const int DefaultMaxPushesInFlight = 4;

    /// <summary>Push batches in flight at once, at most what the hub offers in Hello; 1 is stop-and-wait.</summary>
    [Range(1, 16)]
    public int MaxPushesInFlight { get; set; } = DefaultMaxPushesInFlight;

    [Range(1, 600)]
    public int CallTimeoutSeconds { get; set; } = DefaultCallTimeoutSeconds;

    /// <summary>Default pause after repeated failed attempts before trying the link again: 5 s, shorter than
    /// <see cref="DefaultOfflineRetrySeconds"/>, so the breaker has closed again by the next attempt and never
    /// stretches the time to notice a returning link (with 30 s it could take 45 s).</summary>
    public const int DefaultBreakSeconds = 5;

    [Range(1, 3600)]
    public int BreakSeconds { get; set; } = DefaultBreakSeconds;

    /// <summary>Default longest pause after idle rounds: 1,800 s (30 min). An idle round costs about 1.4 KB on the link
    /// (a cold connection: the hub closes idle ones after 130 s; Hello with device health, pull), so 15-minute rounds
    /// cost 160 KB a day and 30-minute rounds stay under the 100 KB budget (bench: idle-day). The pause doubles from
    /// <see cref="IntervalSeconds"/> after each round that moved nothing; a local write wakes the node at once, so
    /// only what the hub has for the node (an online filing, a catalogue change) waits up to this long.</summary>
    public const int DefaultIdleMaxIntervalSeconds = 1800;

    /// <summary>Longest pause after rounds that moved nothing; at or below <see cref="IntervalSeconds"/> the node does not back off.</summary>
    [Range(1, 86_400)]
    public int IdleMaxIntervalSeconds { get; set; } = DefaultIdleMaxIntervalSeconds;

    /// <summary>Default longest pause after a failed round: 8 s, so a returning link is noticed within 15 s (one pause
    /// plus one round on L1). Refused connections cost no bytes; a link that is down carries nothing to pay for.</summary>
    public const int DefaultOfflineRetrySeconds = 8;

    /// <summary>Longest pause after a failed round (the interval when that is shorter).</summary>
    [Range(1, 3600)]
    public int OfflineRetrySeconds { get; set; } = DefaultOfflineRetrySeconds;

    /// <summary>Whether push batches and the window follow the measured link (PushPacing); false sends
    /// <see cref="MaxBatchBytes"/>-sized batches, <see cref="MaxPushesInFlight"/> at a time. Default false: measured on
    /// a machine at load average 50-60 (1 Dec, 17:24-17:40) the paced pushes drained L2 at 3.9 × LB and L3 at 3.5-4 ×,
    /// with 20 % more bytes (smaller batches compress worse, and each costs a hub commit); to be measured again on a
    /// quiet machine with a larger floor before it is turned on.</summary>
    public bool AdaptToLink { get; set; }

    /// <summary>Default longest pause across which the node keeps its connection to the hub: 60 s, the client's own
    /// idle-pool timeout. A longer pause closes it first, so the next round opens a fresh one instead of finding out
    /// that a carrier's NAT dropped the old one; it also lets the idle bench, which shortens every pause, pay for the
    /// cold connection each real idle round pays for.</summary>
    public const double DefaultKeepConnectionSeconds = 60;

    /// <summary>Longest pause across which the connection is kept open.</summary>
    [Range(0.01, 3600.0)]
    public double KeepConnectionSeconds { get; set; } = DefaultKeepConnectionSeconds;

    /// <summary>Whether the audit log's push runs beside the records' exchange on the same connection (default) or
    /// after it. Beside shortens a round on a slow link (a 650 ms link's round was a second shorter); after puts the
    /// records' bytes alone on the link first, which a test cutting the link at a byte offset inside the records'
    /// push needs: two streams sharing the link make that offset depend on how HTTP/2 interleaves them.</summary>
    public bool AuditBesideRecords { get; set; } = true;
}
