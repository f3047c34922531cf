using OneStop.Bench.Harness;
using OneStop.LinkEmulator;

namespace OneStop.Bench.Scenarios;

/// <summary>
/// Scenario 4: every connection is cut at a random byte offset while dossiers and scans go up. Bytes
/// re-sent per cut = (up bytes with cuts − up bytes of the same sync without cuts) ÷ cuts; the hub's
/// log must hold each (origin, seq) once.
/// </summary>
internal static class Cuts
{
    public static async Task<ScenarioResult> RunAsync(CommandLine command)
    {
        var runs = command.Int("runs", 3);
        var scans = command.Int("scans", 20);
        var dossiers = command.Int("dossiers", 200);
        var maxOffset = command.Int("max-offset", 3 * 1024 * 1024);
        var profile = LinkProfiles.Get(command.String("profile", "L0"));
        var template = await Templates.GetAsync(dossiers, scans, 1_000_000);
        var clean = await SyncRun.MeasureAsync(template, profile);
        Console.WriteLine($"  clean: up {clean.BytesUp} B in {clean.Seconds:0.0} s");
        var perCut = new List<double>();
        var duplicates = new List<double>();
        var cutsPerRun = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var m = await SyncRun.MeasureAsync(template, profile, new RandomOffsetCuts(16 * 1024, maxOffset, seed: 100 + i));
            var resent = (double)(m.BytesUp - clean.BytesUp) / Math.Max(1, m.Cuts);
            perCut.Add(resent);
            duplicates.Add(m.HubLogRows - m.HubLogDistinct);
            cutsPerRun.Add(m.Cuts);
            Console.WriteLine($"  run {i + 1}: {m.Cuts} cuts, up {m.BytesUp} B, re-sent per cut {resent:0} B, hub log {m.HubLogRows} rows / {m.HubLogDistinct} distinct, {m.Seconds:0.0} s");
        }

        var median = Measure.Median(perCut);
        var figures = new List<Figure>
        {
            new("bytes re-sent per cut", Measure.Round(median / 1024, 1), "KiB", "≤ 64 KiB (one chunk)", null, Measure.Round(median / (64 * 1024), 2), median <= 64 * 1024,
                [.. perCut.Select(v => Measure.Round(v / 1024, 1))], new Dictionary<string, double> { ["cutsMedian"] = Measure.Median(cutsPerRun), ["cleanBytesUp"] = clean.BytesUp }),
            new("duplicates at the hub", duplicates.Max(), "rows", "0", null, null, duplicates.Max() == 0, duplicates),
        };
        return new ScenarioResult("cuts", command.Text, TimeProvider.System.GetUtcNow(), Machine.Current, runs,
            $"{dossiers} dossiers + {scans} × 1 MB scans on {profile.Name}; every connection cut at a uniform random offset in [16 KiB, {maxOffset / 1024} KiB) of its bytes (both directions)",
            figures,
            ["re-sent bytes include everything a cut costs: the lost part of the chunk in flight, the new connection's HTTP/2 preface, Hello, QueryAttachment"]);
    }
}
