using OneStop.Bench.Harness;

namespace OneStop.Bench.Scenarios;

/// <summary>Scenario 3: upload 1 MB scans (the issue's 20, fewer on slow links to fit the time box) on L1, L2, L3.</summary>
internal static class Attachments
{
    public static async Task<ScenarioResult> RunAsync(CommandLine command)
    {
        var runs = command.Int("runs", 3);
        var scans = command.Int("scans", 0);
        int ScansFor(string profile) => scans > 0 ? scans : profile == "L1" ? 1 : 5;
        var figures = await LinkTimeFigures.RunAsync(
            "1 MB scans",
            p => Templates.GetAsync(ScansFor(p.Name), ScansFor(p.Name), 1_000_000),
            LinkTimeFigures.Profiles(command),
            p => p.Name == "L2" ? 1.15 : 1.3,
            runs);
        for (var i = 0; i < figures.Count; i++)
        {
            figures[i] = figures[i] with { Name = $"{figures[i].Detail!["attachments"]} × {figures[i].Name}" };
        }

        return new ScenarioResult("attachments", command.Text, TimeProvider.System.GetUtcNow(), Machine.Current, runs,
            scans > 0
                ? $"{scans} scans of 1 MB per run"
                : "scaled by count, not size: 1 scan on L1, 5 on L2/L3 (20 × 1 MB on L1 is 44 min a run); each scan still 1 MB of random bytes, so per-scan round trips weigh as at full scale",
            figures,
            ["each scan comes with its dossier record (pushed first), so the round is: Hello, push, query + upload per scan, pull"]);
    }
}
