using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Bench.Harness;
using OneStop.LinkEmulator;

namespace OneStop.Bench.Scenarios;

/// <summary>
/// Scenario 8: the edge node while staff work and a sync runs. Start to first page served; then three
/// browser sessions loading pages, a 1,400-dossier backlog draining over L2, and dossiers saved one after
/// another: peak RSS and save latency. The UI renders statically on the server (ui/README.md), so a
/// "circuit" is a client loading pages over HTTP, not a SignalR connection.
/// </summary>
internal static class EdgeFootprint
{
    public static async Task<ScenarioResult> RunAsync(CommandLine command)
    {
        var runs = command.Int("runs", 3);
        var saves = command.Int("saves", 300);
        var time = TimeProvider.System;
        var template = await Templates.GetAsync(1400);
        var startup = new List<double>();
        var peak = new List<double>();
        var p99 = new List<double>();
        var p50 = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await using var rig = SyncRig.FromTemplate(template.Folder);
            await rig.StartHubAsync();
            rig.StartProxy(LinkProfiles.L2);
            var launched = time.GetTimestamp();
            var edge = rig.LaunchEdge(rig.ViaProxy);
            startup.Add(await EdgeRequests.FirstPageAsync(rig, time) - launched is var ticks ? ticks / (double)time.TimestampFrequency : 0);

            using var stop = new CancellationTokenSource();
            var dossierId = (await rig.Http.GetFromJsonAsync<JsonElement>(rig.EdgeApi("/api/dossiers")))[0].GetProperty("id").GetGuid();
            var maxRss = 0L;
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    maxRss = Math.Max(maxRss, edge.RssBytes());
                    await Task.Delay(TimeSpan.FromMilliseconds(100), time);
                }
            });
            var circuits = Enumerable.Range(0, 3).Select(i => BrowseAsync(rig, dossierId, i, time, stop.Token)).ToList();
            var factory = new DossierFactory(seed: 60 + run);
            var latencies = await EdgeRequests.SaveAsync(rig, factory, saves, time);

            var status = await rig.StatusAsync();
            await stop.CancelAsync();
            await Task.WhenAll([sampler, .. circuits]);
            peak.Add(maxRss / (1024.0 * 1024));
            p99.Add(Measure.Percentile(latencies, 0.99));
            p50.Add(Measure.Percentile(latencies, 0.5));
            Console.WriteLine($"  run {run + 1}: first page {startup[^1]:0.00} s, peak RSS {peak[^1]:0} MB, save p50 {p50[^1]:0.0} ms p99 {p99[^1]:0.0} ms, pushed during the run {status.GetProperty("pushed").GetInt64()}");
        }

        var figures = new List<Figure>
        {
            new("edge start to first page served", Measure.Round(Measure.Median(startup), 2), "s", "≤ 3 s", null, null, Measure.Median(startup) <= 3, [.. startup.Select(v => Measure.Round(v, 2))]),
            new("edge peak RSS, 3 sessions + sync running", Measure.Round(Measure.Median(peak), 0), "MB", "≤ 200 MB", null, null, Measure.Median(peak) <= 200, [.. peak.Select(v => Measure.Round(v, 0))]),
            new("dossier save p99 (synchronous=FULL)", Measure.Round(Measure.Median(p99), 1), "ms", "≤ 20 ms", null, null, Measure.Median(p99) <= 20, [.. p99.Select(v => Measure.Round(v, 1))],
                new Dictionary<string, double> { ["p50Ms"] = Measure.Round(Measure.Median(p50), 1) }),
        };
        return new ScenarioResult("edge-footprint", command.Text, TimeProvider.System.GetUtcNow(), Machine.Current, runs,
            $"edge with a 1,400-dossier backlog syncing over L2; 3 clients loading /signin and /status/{{id}} back to back; {saves} dossiers saved through POST /api/dossiers, one at a time",
            figures,
            ["UI is static server rendering (ui/README.md): sessions are page loads over HTTP, not Blazor circuits",
             "start to first page: process launch (dotnet host.dll) until GET /signin answers 200"]);
    }

    private static async Task BrowseAsync(SyncRig rig, Guid dossierId, int session, TimeProvider time, CancellationToken stop)
    {
        using var http = new HttpClient();
        string[] pages = ["/signin", $"/status/{dossierId}"];
        var i = session;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await http.GetAsync(rig.EdgeApi(pages[i++ % pages.Length]), stop);
                await response.Content.ReadAsByteArrayAsync(stop);
                // A person reads before clicking again; 200 ms is an impatient clerk.
                await Task.Delay(TimeSpan.FromMilliseconds(200), time, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
