using OneStop.Bench.Harness;

namespace OneStop.Bench.Scenarios;

/// <summary>
/// Scenario 7: the hub holds 1,000 node connections (each opened with a Hello, then left idle); its RSS,
/// then the latency of unary Hello calls spread over those connections while the rest stay idle.
/// </summary>
internal static class IdleConnections
{
    public static async Task<ScenarioResult> RunAsync(CommandLine command)
    {
        var runs = command.Int("runs", 3);
        var connections = command.Int("connections", 1000);
        var calls = command.Int("calls", 2000);
        var storeName = command.String("store", "sqlite");
        var label = "SQLite";
        var time = TimeProvider.System;
        var rss = new List<double>();
        var p99 = new List<double>();
        var p50 = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await using var store = await BenchStore.StartAsync(storeName);
            label = store.Label;
            await using var fleet = await Fleet.StartAsync("idle", connections, compress: true, store);
            var idleRss = fleet.Rig.Hub!.RssBytes();
            using (var gate = new SemaphoreSlim(50))
            {
                await Task.WhenAll(fleet.Nodes.Select(async n =>
                {
                    await gate.WaitAsync();
                    try
                    {
                        await n.HelloAsync(time);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
            }

            await Task.Delay(TimeSpan.FromSeconds(3), time);
            var held = fleet.Rig.Hub.RssBytes();
            var random = new Random(run);
            var latencies = new List<double>();
            // Four callers at a time: "mostly idle" — a few nodes syncing while the others hold their connection.
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                for (var i = 0; i < calls / 4; i++)
                {
                    var node = fleet.Nodes[random.Next(fleet.Nodes.Count)];
                    var start = time.GetTimestamp();
                    await node.HelloAsync(time);
                    lock (latencies)
                    {
                        latencies.Add(time.GetElapsedTime(start).TotalMilliseconds);
                    }
                }
            }));
            rss.Add(Math.Max(held, fleet.Rig.Hub.RssBytes()) / (1024.0 * 1024));
            p99.Add(Measure.Percentile(latencies, 0.99));
            p50.Add(Measure.Percentile(latencies, 0.5));
            Console.WriteLine($"  run {run + 1}: hub RSS {idleRss / 1048576.0:0} MB at start, {rss[^1]:0} MB holding {connections}; Hello p50 {p50[^1]:0.0} ms, p99 {p99[^1]:0.0} ms");
        }

        // 1,000 connections is a large province; every commune of the country (3,321) on one hub is the national case.
        var (rssTarget, rssLimitMb) = connections > 1000 ? ("≤ 1 GB", 1024) : ("≤ 512 MB", 512);
        var figures = new List<Figure>
        {
            new($"hub RSS holding {connections:N0} connections ({label})", Measure.Round(Measure.Median(rss), 0), "MB", rssTarget, null, null, Measure.Median(rss) <= rssLimitMb, [.. rss.Select(v => Measure.Round(v, 0))]),
            new($"p99 unary (Hello) latency, loopback ({label})", Measure.Round(Measure.Median(p99), 1), "ms", "≤ 50 ms", null, null, Measure.Median(p99) <= 50, [.. p99.Select(v => Measure.Round(v, 1))],
                new Dictionary<string, double> { ["p50Ms"] = Measure.Round(Measure.Median(p50), 1) }),
        };
        return new ScenarioResult(storeName == "postgres" ? "idle-connections-postgres" : "idle-connections", command.Text, TimeProvider.System.GetUtcNow(), Machine.Current, runs,
            $"full scale: {connections:N0} nodes, each its own HTTP/2 connection opened by a Hello; then {calls:N0} Hellos from 4 concurrent callers on random connections",
            figures,
            ["Hello writes the node's last-seen time (on SQLite a write without its own fsync, on PostgreSQL a committed write), so its latency includes the store",
             "PostgreSQL runs on the same 2 cores as the hub and the simulated nodes; its RSS is not in the hub's"]);
    }
}
