using OneStop.Bench.Harness;
using OneStop.Protocol.V1;

namespace OneStop.Bench.Scenarios;

/// <summary>
/// Issue 15 item 6: a national day's traffic replayed at 10 × against one hub holding every commune's connection.
/// docs/scale.md derives the load: 3,321 communes × 20–100 dossiers a working day × ~10 log entries, a third of the
/// day in the two busiest hours (4 × the office-hours average). A whole day at 10 × is 48 minutes of office hours per
/// run, too long for a bench run; the replay takes a window of the PEAK HOUR (the only hour that can make the hub fall
/// behind: the rest of the day offers a quarter of it), 60 minutes compressed to 6. Each simulated node runs the
/// edge's round at 10 × speed (a Hello, then a push of what its desk wrote since the last round, every
/// 15 s ÷ 10 = 1.5 s, phases spread), and the bench samples, every second, the entries offered so far against the
/// entries the hub acknowledged: the lag, the hub's RSS, and the latency of every Hello.
/// </summary>
internal static class NationalReplay
{
    /// <summary>docs/scale.md: the peak hour carries about 4 × the office-hours average.</summary>
    private const double PeakFactor = 4;

    private const double OfficeSecondsPerDay = 8 * 3600;

    public static async Task<ScenarioResult> RunAsync(CommandLine command)
    {
        var runs = command.Int("runs", 1);
        var connections = command.Int("connections", 3321);
        var dossiersPerDay = command.Int("dossiers-per-day", 100);
        var entriesPerDossier = command.Int("entries-per-dossier", 10);
        var speed = command.Int("speed", 10);
        var windowSeconds = command.Int("window-seconds", 3600 / speed);
        var roundSeconds = 15.0 / speed;
        var storeName = command.String("store", "sqlite");
        var perNodeRate = dossiersPerDay * entriesPerDossier * PeakFactor / OfficeSecondsPerDay * speed;
        var offeredRate = perNodeRate * connections;
        var time = TimeProvider.System;
        var label = "SQLite";
        var (lagEnd, lagMax, drainAfter, rssMax, helloP99, ingestRate) = (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (var run = 0; run < runs; run++)
        {
            await using var store = await BenchStore.StartAsync(storeName);
            label = store.Label;
            await using var fleet = await Fleet.StartAsync("national", connections, compress: true, store);
            var result = await ReplayAsync(fleet, perNodeRate, roundSeconds, windowSeconds, time, run);
            lagEnd.Add(result.LagSecondsAtEnd);
            lagMax.Add(result.LagSecondsMax);
            drainAfter.Add(result.DrainSeconds);
            rssMax.Add(result.RssMaxMb);
            helloP99.Add(result.HelloP99Ms);
            ingestRate.Add(result.Applied / (windowSeconds + result.DrainSeconds));
            Console.WriteLine($"  run {run + 1}: offered {result.Offered:N0} entries ({offeredRate:N0}/s), acknowledged all {result.DrainSeconds:0.0} s after the window; lag max {result.LagSecondsMax:0.0} s, at the end {result.LagSecondsAtEnd:0.0} s; RSS max {result.RssMaxMb:0} MB; Hello p99 {result.HelloP99Ms:0.0} ms");
            foreach (var sample in result.Samples)
            {
                Console.WriteLine($"    t={sample.Second,4} s offered {sample.Offered,9:N0} acked {sample.Acked,9:N0} lag {sample.LagSeconds,5:0.0} s RSS {sample.RssMb,5:0} MB");
            }
        }

        // Keeping up: the backlog at the end of the window is what one round carries, not what the window piled up.
        var bound = 2 * roundSeconds + 1;
        var figures = new List<Figure>
        {
            new($"national replay at {speed} ×: ingest lag behind offered load at the window's end ({label})", Measure.Round(Measure.Median(lagEnd), 1), "s", $"≤ {bound:0.#} s (two rounds)", null, null, Measure.Median(lagEnd) <= bound,
                [.. lagEnd.Select(v => Measure.Round(v, 1))],
                new Dictionary<string, double>
                {
                    ["lagMaxS"] = Measure.Round(Measure.Median(lagMax), 1),
                    ["drainAfterWindowS"] = Measure.Round(Measure.Median(drainAfter), 1),
                    ["offeredPerS"] = Measure.Round(offeredRate, 0),
                    ["ingestedPerS"] = Measure.Round(Measure.Median(ingestRate), 0),
                }),
            new($"national replay: hub RSS holding {connections:N0} connections under load ({label})", Measure.Round(Measure.Median(rssMax), 0), "MB", "≤ 1 GB", null, null, Measure.Median(rssMax) <= 1024, [.. rssMax.Select(v => Measure.Round(v, 0))]),
            new($"national replay: Hello p99 under load ({label})", Measure.Round(Measure.Median(helloP99), 1), "ms", "≤ 50 ms", null, null, Measure.Median(helloP99) <= 50, [.. helloP99.Select(v => Measure.Round(v, 1))]),
        };
        var scale = connections >= 3321 && windowSeconds >= 3600 / speed
            ? $"full scale: {connections:N0} connections (two nodes per simulated commune), the peak hour of a {dossiersPerDay}-dossier day at {speed} × ({windowSeconds} s)"
            : $"scaled down: {connections:N0} of 3,321 connections, {windowSeconds} s of the {3600 / speed} s peak-hour window";
        return new ScenarioResult(storeName == "postgres" ? "national-replay-postgres" : "national-replay", command.Text, TimeProvider.System.GetUtcNow(), Machine.Current, runs,
            scale + $"; {dossiersPerDay} dossiers × {entriesPerDossier} entries per commune-day, peak hour 4 × the office-hours average, each node a Hello + push every {roundSeconds:0.##} s",
            figures,
            ["a window, not the whole day: the peak hour at 10 × is the heaviest load of the day (docs/scale.md); a whole day at 10 × is 48 minutes per run",
             "the simulated nodes run in the bench process on the same cores as the hub, so the hub gets less than the whole machine",
             "lag = age of the oldest entry offered but not yet acknowledged, sampled every second"]);
    }

    private static async Task<ReplayResult> ReplayAsync(Fleet fleet, double perNodeRate, double roundSeconds, int windowSeconds, TimeProvider time, int run)
    {
        var factory = new DossierFactory();
        var random = new Random(run);
        var phases = fleet.Nodes.Select(_ => random.NextDouble() * roundSeconds).ToArray();
        long offered = 0, acked = 0;
        var hellos = new List<double>();
        using var stop = new CancellationTokenSource();
        var start = time.GetTimestamp();
        double Now() => time.GetElapsedTime(start).TotalSeconds;

        var nodes = fleet.Nodes.Select(async (node, index) =>
        {
            var writer = new WireDossiers(factory, node.NodeId, node.Commune);
            var written = 0L;
            await Task.Delay(TimeSpan.FromSeconds(phases[index]), time);
            while (true)
            {
                var now = Math.Min(Now(), windowSeconds);
                // What this node's desk has written by now, as a steady rate: entries are due, not random, so runs compare.
                var due = (long)(perNodeRate * now) - written;
                var request = new PushRequest { NodeId = node.NodeId };
                lock (factory)
                {
                    for (var i = 0; i < due; i++)
                    {
                        request.Entries.Add(writer.Create(time.GetUtcNow().ToUnixTimeMilliseconds()));
                    }
                }

                written += due;
                Interlocked.Add(ref offered, due);

                var helloStart = time.GetTimestamp();
                await node.HelloAsync(time);
                lock (hellos)
                {
                    hellos.Add(time.GetElapsedTime(helloStart).TotalMilliseconds);
                }

                if (request.Entries.Count > 0)
                {
                    var reply = await node.Client.PushAsync(request);
                    Interlocked.Add(ref acked, reply.Applied);
                }

                if (Now() >= windowSeconds && written >= (long)(perNodeRate * windowSeconds))
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(roundSeconds), time);
            }
        }).ToList();

        // Sampled every second: offered (what the desks have written by now, the schedule's own count) against acknowledged.
        var samples = new List<Sample>();
        var all = Task.WhenAll(nodes);
        var rssMax = 0.0;
        while (!all.IsCompleted)
        {
            await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(1), time));
            var second = Now();
            var offeredNow = (long)(perNodeRate * Math.Min(second, windowSeconds)) * fleet.Nodes.Count;
            var ackedNow = Interlocked.Read(ref acked);
            var rss = fleet.Rig.Hub!.RssBytes() / (1024.0 * 1024);
            rssMax = Math.Max(rssMax, rss);
            // The oldest unacknowledged entry was offered when the schedule reached the acknowledged count.
            var lag = ackedNow >= offeredNow ? 0 : second - (ackedNow / (perNodeRate * fleet.Nodes.Count));
            samples.Add(new Sample((int)Math.Round(second), offeredNow, ackedNow, Math.Max(0, lag), rss));
        }

        await all;
        var end = Now();
        var inWindow = samples.Where(s => s.Second <= windowSeconds).ToList();
        return new ReplayResult(
            Interlocked.Read(ref offered),
            Interlocked.Read(ref acked),
            inWindow.Count == 0 ? 0 : inWindow[^1].LagSeconds,
            samples.Count == 0 ? 0 : samples.Max(s => s.LagSeconds),
            Math.Max(0, end - windowSeconds),
            rssMax,
            Measure.Percentile(hellos, 0.99),
            samples.Where((_, i) => i % 10 == 0 || i == samples.Count - 1).ToList());
    }

    private sealed record Sample(int Second, long Offered, long Acked, double LagSeconds, double RssMb);

    private sealed record ReplayResult(long Offered, long Applied, double LagSecondsAtEnd, double LagSecondsMax, double DrainSeconds, double RssMaxMb, double HelloP99Ms, List<Sample> Samples);
}
