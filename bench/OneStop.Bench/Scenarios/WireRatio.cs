using OneStop.Bench.Harness;
using OneStop.LinkEmulator;

namespace OneStop.Bench.Scenarios;

/// <summary>Scenario 1: wire bytes of one sync of 1,000 realistic dossiers over their raw JSON size.</summary>
internal static class WireRatio
{
    public static async Task<ScenarioResult> RunAsync(CommandLine command)
    {
        var dossiers = command.Int("dossiers", 1000);
        var runs = command.Int("runs", 3);
        var template = await Templates.GetAsync(dossiers);
        var measured = new List<SyncMeasurement>();
        for (var i = 0; i < runs; i++)
        {
            measured.Add(await SyncRun.MeasureAsync(template, LinkProfiles.Loopback));
            Console.WriteLine($"  run {i + 1}: up {measured[^1].TotalBytesUp} B, down {measured[^1].TotalBytesDown} B");
        }

        var total = measured.Select(m => (double)(m.TotalBytesUp + m.TotalBytesDown) / template.RawJsonBytes).ToList();
        var up = measured.Select(m => (double)m.TotalBytesUp / template.RawJsonBytes).ToList();
        var ratio = Measure.Median(total);
        var figures = new List<Figure>
        {
            new($"wire ÷ raw JSON, {dossiers:N0} dossiers, both directions", Measure.Round(ratio), "×", "≤ 0.30", null, Measure.Round(ratio), ratio <= 0.30, [.. total.Select(v => Measure.Round(v))],
                new Dictionary<string, double>
                {
                    ["rawJsonBytesPerDossier"] = Measure.Round((double)template.RawJsonBytes / dossiers, 1),
                    ["wireBytesPerDossier"] = Measure.Round(Measure.Median(measured.Select(m => (double)(m.TotalBytesUp + m.TotalBytesDown) / dossiers)), 1),
                    ["upBytesPerDossier"] = Measure.Round(Measure.Median(measured.Select(m => (double)m.TotalBytesUp / dossiers)), 1),
                    ["downBytesPerDossier"] = Measure.Round(Measure.Median(measured.Select(m => (double)m.TotalBytesDown / dossiers)), 1),
                }),
            new($"wire ÷ raw JSON, {dossiers:N0} dossiers, node → hub only", Measure.Round(Measure.Median(up)), "×", "≤ 0.30", null, Measure.Round(Measure.Median(up)), Measure.Median(up) <= 0.30, [.. up.Select(v => Measure.Round(v))]),
        };
        return new ScenarioResult("wire-ratio", command.Text, TimeProvider.System.GetUtcNow(), Machine.Current, runs,
            "full scale; bytes counted by the link proxy as TCP payload (HTTP/2 frames, headers, gRPC frames), the whole sync: Hello, push, and the pull that brings the node's own entries back",
            figures,
            [$"raw JSON = UTF-8 size of the POST /api/dossiers bodies ({template.RawJsonBytes:N0} B for {dossiers:N0} dossiers)"]);
    }
}
