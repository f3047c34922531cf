using Grpc.Core;
using Microsoft.Extensions.Options;
using OneStop.Edge.Devices;
using OneStop.Edge.Store;
using OneStop.Edge.StoreHealth;
using OneStop.Protocol;
using OneStop.Storage;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace OneStop.Edge.Sync;

/// <summary>
/// Pushes and pulls whenever the hub is reachable: after every local write and on a timer. Short
/// blips are retried with jittered backoff; a longer outage leaves the node offline until the next
/// round, with the reason in <see cref="SyncStatus"/>.
/// </summary>
public sealed class SyncAgent(
    EdgeStore store,
    BlobStore blobs,
    SyncQuarantine quarantine,
    DeviceHealthBoard devices,
    IOptions<SyncOptions> syncOptions,
    IOptions<EdgeOptions> edgeOptions,
    SyncStatus status,
    TimeProvider time,
    ILogger<SyncAgent> logger,
    SqliteDatabase database,
    IOptions<RepairOptions> repairOptions,
    Enrolment.NodeCredentials? credentials = null,
    ISyncTargetSource? targets = null,
    Attachments.AttachmentFetcher? fetcher = null,
    Audit.AuditPush? auditPush = null,
    Attachments.Scans.OriginalsUpload? originalsUpload = null) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Asks for a round now instead of at the next timer tick.</summary>
    public void RequestSync()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke the agent first; one pending wake is enough.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        store.LocalWriteCommitted += RequestSync;
        var generation = credentials?.Generation ?? 0;
        Uri? connectedTo = null;
        (Grpc.Net.Client.GrpcChannel Channel, SyncRound Round, RepairRound Repair)? link = null;
        var pipeline = BuildPipeline();
        var (idleRounds, failed) = (0, false);
        while (!stoppingToken.IsCancellationRequested)
        {
            SyncTarget target;
            try
            {
                // Read before every round: the hub address and interval are settings the admin changes at the desk.
                target = await ReadTargetAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            if (target.HubUrl is null)
            {
                if (link is not null || status.Current.Link != LinkState.Disabled)
                {
                    link?.Channel.Dispose();
                    link = null;
                    connectedTo = null;
                    status.Update(s => s with { Link = LinkState.Disabled, LastError = null });
                    logger.LogInformation("No hub configured: working offline only.");
                }
            }
            else
            {
                // A renewed certificate needs a new TLS connection (the old one keeps its handshake's certificate),
                // and a new hub address a new channel and a breaker that knows nothing of the old hub's outages.
                if (link is null || connectedTo != target.HubUrl || (credentials is not null && credentials.Generation != generation))
                {
                    generation = credentials?.Generation ?? 0;
                    link?.Channel.Dispose();
                    link = Connect(target.HubUrl);
                    connectedTo = target.HubUrl;
                    pipeline = BuildPipeline();
                }

                var (channel, round, repair) = link.Value;
                var movedBefore = Moved(status.Current);
                failed = true;
                try
                {
                    status.Update(s => s with { Link = LinkState.Syncing });
                    // The audit's own push shares nothing with the records' exchange, so it runs beside it on the
                    // same connection: one after the other, the round's tail on a 650 ms link was a second longer.
                    // Records first if both fail: their error is the one the desk must show.
                    if (syncOptions.Value.AuditBesideRecords)
                    {
                        await Task.WhenAll(
                            RecordsThenRepairAsync(pipeline, round, repair, stoppingToken),
                            auditPush?.RunAsync(channel, stoppingToken) ?? Task.CompletedTask);
                    }
                    else
                    {
                        await RecordsThenRepairAsync(pipeline, round, repair, stoppingToken);
                        await (auditPush?.RunAsync(channel, stoppingToken) ?? Task.CompletedTask);
                    }
                    if (status.Current.OriginalsRequested > 0)
                    {
                        await (originalsUpload?.RunAsync(channel, stoppingToken) ?? Task.FromResult(0));
                    }

                    status.Update(s => s with { Link = LinkState.Online, LastSuccess = time.GetUtcNow(), LastError = null, Rounds = s.Rounds + 1 });
                    (idleRounds, failed) = (Moved(status.Current) == movedBefore ? idleRounds + 1 : 0, false);
                    // Content of attachments filed online, after the records and within its own bounds; more due: go on soon.
                    if (fetcher is not null && await fetcher.RunAsync(link.Value.Channel, stoppingToken))
                    {
                        RequestSync();
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (BrokenCircuitException ex)
                {
                    status.Update(s => s with { Link = LinkState.Offline, LastError = "hub unreachable; next attempt after " + ex.RetryAfter?.ToString() });
                }
                catch (Exception ex) when (ex is RpcException or HttpRequestException or IOException or InvalidOperationException or TimeoutException or InvalidDataException
                    || StoreFailures.Classify(ex) is not null)
                {
                    status.Update(s => s with { Link = LinkState.Offline, LastError = Describe(ex) });
                    logger.LogWarning("Sync round failed: {Reason}", Describe(ex));
                }
            }

            try
            {
                var options = syncOptions.Value;
                var pause = Core.Changes.SyncCadence.NextPause(target.Interval, TimeSpan.FromSeconds(options.IdleMaxIntervalSeconds), TimeSpan.FromSeconds(options.OfflineRetrySeconds), idleRounds, failed && target.HubUrl is not null);
                if (link is not null && pause > TimeSpan.FromSeconds(options.KeepConnectionSeconds))
                {
                    link.Value.Channel.Dispose();
                    link = null;
                }

                await _wake.WaitAsync(pause, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        store.LocalWriteCommitted -= RequestSync;
        link?.Channel.Dispose();
    }

    private static async Task RecordsThenRepairAsync(ResiliencePipeline pipeline, SyncRound round, RepairRound repair, CancellationToken cancellationToken)
    {
        await pipeline.ExecuteAsync(async ct => await round.RunAsync(ct), cancellationToken);
        await repair.RunIfDueAsync(cancellationToken);
    }

    /// <summary>What a round moves either way; a round that leaves it unchanged was idle.</summary>
    private static long Moved(SyncSnapshot current) => current.Pushed + current.Pulled + current.BlobsUploaded;

    private async Task<SyncTarget> ReadTargetAsync(CancellationToken cancellationToken)
    {
        var options = syncOptions.Value;
        var configured = new SyncTarget(options.HubUrl, TimeSpan.FromSeconds(options.IntervalSeconds));
        if (targets is null)
        {
            return configured;
        }

        try
        {
            return await targets.ReadAsync(cancellationToken);
        }
        catch (Exception ex) when (StoreFailures.Classify(ex) is not null || ex is InvalidDataException or System.Text.Json.JsonException)
        {
            // A store that cannot be read now still syncs where the configuration says (the round reports the store's state).
            return configured;
        }
    }

    /// <summary>A channel presenting the node's certificate when it is enrolled (its shared key otherwise), and the rounds over it.</summary>
    private (Grpc.Net.Client.GrpcChannel, SyncRound, RepairRound) Connect(Uri hubUrl)
    {
        var options = syncOptions.Value;
        var channel = SyncChannel.Create(hubUrl, credentials?.ChannelOptions());
        var client = new SyncClient(channel, new SyncCallSettings
        {
            NodeId = edgeOptions.Value.NodeId,
            NodeKey = options.NodeKey,
            BaseTimeout = TimeSpan.FromSeconds(options.CallTimeoutSeconds),
            TimeProvider = time,
        });
        return (channel,
            new SyncRound(store, blobs, client, options, edgeOptions.Value, status, devices, time, quarantine),
            new RepairRound(store, database, client, repairOptions.Value, edgeOptions.Value, status, time, logger));
    }

    /// <summary>
    /// Retries a blip with jittered backoff; after repeated failures the breaker stops hammering a link
    /// that is down (a 2G modem pays for every attempt) until the break has passed.
    /// </summary>
    private ResiliencePipeline BuildPipeline()
    {
        var transient = new PredicateBuilder().Handle<RpcException>(IsTransient).Handle<HttpRequestException>().Handle<IOException>();
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = 1.0,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromMinutes(2),
                BreakDuration = TimeSpan.FromSeconds(syncOptions.Value.BreakSeconds),
            })
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromMilliseconds(500),
            })
            .Build();
    }

    private static bool IsTransient(RpcException ex) =>
        ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Aborted;

    private static string Describe(Exception ex) => ex switch
    {
        // A full or damaged store is not the link's fault: the sync bar says so in the desk's words.
        _ when StoreFailures.Classify(ex) is { } problem => OneStop.Ui.Localisation.UiText.Strings[problem == StoreProblem.Full ? "storage.full.title" : "storage.corrupt.title"].Vi,
        RpcException grpc => $"{grpc.StatusCode}: {grpc.Status.Detail}",
        _ => ex.Message,
    };
}
