using System.Globalization;
using Microsoft.Extensions.Options;
using OneStop.Core.Clock;
using OneStop.Edge.Devices;
using OneStop.Edge.Store;
using OneStop.Edge.Sync;
using OneStop.Hardware;
using OneStop.Hardware.Clock;
using OneStop.Hardware.Health;

namespace OneStop.Edge.Clock;

/// <summary>
/// The node's judgement of its own clock (<see cref="ClockHealthPolicy"/>) from what it knows: the hybrid clock (the
/// newest time written or seen), the hub's time learnt at the last handshake and carried forward on the monotonic
/// clock (so a wall clock that jumps afterwards does not drag it along), and a clock module when there is one.
/// Publishes it as the node's "clock" device, which the sync round reports to the fleet view. Never sets the
/// system clock: docs/clock.md says how an installer lets NTP or the hub do that.
/// </summary>
public sealed class ClockWatch(
    EdgeStore store,
    SyncStatus sync,
    DeviceHealthBoard board,
    IOptions<ClockWatchOptions> options,
    IOptions<SyncOptions> syncOptions,
    IOptions<HardwareOptions> hardware,
    TimeProvider time,
    ILogger<ClockWatch> logger) : BackgroundService
{
    public const string DeviceId = "clock";

    private long _newestSeenMs;
    private long? _lastHubOffsetMs;
    private long? _handledHello;
    private RtcFix? _rtcFix;
    private RtcReading? _rtcReading;
    private IRealTimeClock? _rtc;

    /// <summary>What the node makes of its clock now; cheap, called on every legal write and every page.</summary>
    public ClockAssessment Assess()
    {
        var snapshot = sync.Current;
        long? hubNow = snapshot.HubWallMs is { } hubWall && snapshot.HelloTimestamp is { } at ? hubWall + Elapsed(at) : null;
        long? rtcNow = Volatile.Read(ref _rtcFix) is { } fix ? fix.UtcMs + Elapsed(fix.At) : null;
        var newest = Math.Max(store.Clock.Last.WallMs, Interlocked.Read(ref _newestSeenMs));
        var evidence = new ClockEvidence(time.GetUtcNow().ToUnixTimeMilliseconds(), newest, hubNow, _lastHubOffsetMs ?? snapshot.ClockOffsetMs, rtcNow);
        return ClockHealthPolicy.Assess(evidence, options.Value.BehindToleranceMs, syncOptions.Value.ClockSuspectBoundMs);
    }

    /// <summary>The clock module's last reading, for the devices page; null without a module.</summary>
    public RtcReading? LastRtcReading => Volatile.Read(ref _rtcReading);

    public bool HasRtc => _rtc is not null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            _rtc = RealTimeClockFactory.Create(hardware.Value.Clock, time);
        }
        catch (ArgumentException ex)
        {
            logger.LogError(ex, "The clock module is misconfigured; running without it.");
        }

        try
        {
            _newestSeenMs = await store.ReadCursorAsync(ClockMetaKeys.NewestSeenMs, stoppingToken);
            if (await store.ReadCursorAsync(ClockMetaKeys.LastHubOffsetKnown, stoppingToken) == 1)
            {
                _lastHubOffsetMs = await store.ReadCursorAsync(ClockMetaKeys.LastHubOffsetMs, stoppingToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Reading what the node last knew of the hub's time failed.");
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), time);
        do
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Checking the clock failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public override void Dispose()
    {
        (_rtc as IDisposable)?.Dispose();
        base.Dispose();
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        ReadRtc();
        var snapshot = sync.Current;
        if (snapshot.HelloTimestamp is { } at && at != _handledHello && snapshot.HubWallMs is { } hubWall && snapshot.ClockOffsetMs is { } offset)
        {
            _handledHello = at;
            var hubNow = hubWall + Elapsed(at);
            await RememberHubAsync(hubWall, offset, cancellationToken);
            SetRtcFromHub(hubNow);
        }

        Publish(Assess());
    }

    private void ReadRtc()
    {
        if (_rtc is null)
        {
            return;
        }

        if (_rtc.TryRead(out var reading))
        {
            Volatile.Write(ref _rtcReading, reading);

            // A module whose oscillator stopped holds junk since the stop: it vouches for nothing until set again.
            Volatile.Write(ref _rtcFix, reading.OscillatorStopped ? null : new RtcFix(reading.Utc.ToUnixTimeMilliseconds(), time.GetTimestamp()));
        }

        board.PublishExtra(_rtc.ReadHealth());
    }

    private async Task RememberHubAsync(long hubWallMs, long offsetMs, CancellationToken cancellationToken)
    {
        if (hubWallMs > Interlocked.Read(ref _newestSeenMs))
        {
            Interlocked.Exchange(ref _newestSeenMs, hubWallMs);
            await store.WriteCursorAsync(ClockMetaKeys.NewestSeenMs, hubWallMs, cancellationToken);
        }

        _lastHubOffsetMs = offsetMs;
        await store.WriteCursorAsync(ClockMetaKeys.LastHubOffsetMs, offsetMs, cancellationToken);
        await store.WriteCursorAsync(ClockMetaKeys.LastHubOffsetKnown, 1, cancellationToken);
    }

    private void SetRtcFromHub(long hubNowMs)
    {
        if (_rtc is null || !options.Value.SetRtcFromHub)
        {
            return;
        }

        if (Volatile.Read(ref _rtcFix) is { } fix && Math.Abs(fix.UtcMs + Elapsed(fix.At) - hubNowMs) <= options.Value.RtcToleranceMs)
        {
            return;
        }

        if (_rtc.TrySet(DateTimeOffset.FromUnixTimeMilliseconds(hubNowMs)))
        {
            logger.LogInformation("Clock module set from the hub's time {HubTime:O}.", DateTimeOffset.FromUnixTimeMilliseconds(hubNowMs));
            ReadRtc();
        }
    }

    private void Publish(ClockAssessment assessment)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["suspect"] = assessment.Suspect ? "true" : "false",
            ["reason"] = ClockWords.Reason(assessment.Reason),
            ["source"] = ClockWords.Source(assessment.Source),
            ["wallErrorMs"] = assessment.WallErrorMs.ToString(CultureInfo.InvariantCulture),
            ["bestEstimate"] = DateTimeOffset.FromUnixTimeMilliseconds(assessment.BestEstimateMs).ToString("O", CultureInfo.InvariantCulture),
            ["confirmationRequired"] = assessment.ConfirmationRequired ? "true" : "false",
        };
        if (_rtc is not null)
        {
            details["rtc"] = Volatile.Read(ref _rtcReading) switch
            {
                null => "unreadable",
                { OscillatorStopped: true } => "stopped",
                _ => "trusted",
            };
        }

        board.PublishExtra(new DeviceHealth(DeviceId, DeviceKinds.Clock, !assessment.Suspect, assessment.Suspect ? ClockWords.Problem(assessment) : null, time.GetUtcNow(), details));
    }

    private long Elapsed(long timestamp) => (long)time.GetElapsedTime(timestamp).TotalMilliseconds;

    private sealed record RtcFix(long UtcMs, long At);
}
