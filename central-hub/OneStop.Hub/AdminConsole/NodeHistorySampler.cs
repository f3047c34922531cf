using Microsoft.Extensions.Options;
using OneStop.Hub.Store;
using OneStop.HubConsole.Ports;

namespace OneStop.Hub.AdminConsole;

/// <summary>
/// Copies each node's new hellos from the fleet table into <see cref="NodeHistory"/> every
/// <see cref="ConsoleOptions.HistorySampleSeconds"/>: a node that calls more often than that keeps one sample
/// per interval, enough to see when it went quiet or its backlog started growing. The same pass feeds
/// <see cref="Operations.HubMeter"/>.
/// </summary>
public sealed class NodeHistorySampler(
    HubStore store, NodeHistory history, IConsoleFleet fleet, Operations.HubMeter meter, IOptions<ConsoleOptions> options, TimeProvider time, ILogger<NodeHistorySampler> logger)
    : BackgroundService
{
    /// <summary>One pass: adds a sample for every node whose last hello is newer than its latest sample, and refreshes the metrics.</summary>
    public async Task<int> SampleOnceAsync(CancellationToken cancellationToken)
    {
        var latest = await history.LatestAsync(cancellationToken);
        var added = 0;
        foreach (var state in await store.ListNodeStatesAsync(cancellationToken))
        {
            if (state.LastSeenMs is not { } seen || (latest.TryGetValue(state.NodeId, out var last) && last >= seen))
            {
                continue;
            }

            var faulty = ConsoleFleet.Devices(state.Devices).Count(d => d.Faulty);
            await history.AddAsync(state.NodeId, new FleetSample(seen, state.ReportedBacklog, state.ClockOffsetMs, state.SoftwareVersion, state.LastError, faulty), cancellationToken);
            added++;
        }

        // The same pass refreshes what the metrics report, so a scrape never waits on the store.
        meter.Update((await fleet.ListAsync(cancellationToken)).Select(n => n.State), await store.ReadLogHeadAsync(cancellationToken));
        return added;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.HistorySampleSeconds), time);
        do
        {
            try
            {
                await SampleOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed pass loses one sample; the next pass takes the node's state as it is then.
                logger.LogWarning(ex, "Sampling node history failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
