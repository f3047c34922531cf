using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OneStop.Bench.Harness;

/// <summary>
/// Writes a scenario's JSON and regenerates bench/results/latest.md from the newest JSON of every scenario,
/// so scenarios run at different times still make one table.
/// </summary>
internal static class ResultWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Write(ScenarioResult result)
    {
        Directory.CreateDirectory(RepoPaths.Results);
        var stamp = result.Timestamp.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var path = Path.Combine(RepoPaths.Results, $"{result.Scenario}-{stamp}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(result, Json));
        File.WriteAllText(Path.Combine(RepoPaths.Results, "latest.md"), Table(LatestPerScenario()));
        return path;
    }

    public static IReadOnlyList<ScenarioResult> LatestPerScenario() =>
        [.. Directory.EnumerateFiles(RepoPaths.Results, "*.json")
            .Select(f => JsonSerializer.Deserialize<ScenarioResult>(File.ReadAllText(f), Json)!)
            .GroupBy(r => r.Scenario)
            .Select(g => g.MaxBy(r => r.Timestamp)!)
            .OrderBy(r => Array.IndexOf(ScenarioNames.Names, r.Scenario))];

    public static string Table(IReadOnlyList<ScenarioResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| # | figure | median | target | LB | ratio | met | runs | machine |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var result in results)
        {
            var number = Array.IndexOf(ScenarioNames.Names, result.Scenario) + 1;
            foreach (var f in result.Figures)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {number} | {f.Name} | {Format(f.Value)} {f.Unit} | {f.Target} | {(f.LowerBound is { } lb ? $"{Format(lb)} {f.Unit}" : "—")} | {(f.Ratio is { } r ? Format(r) : "—")} | {(f.Met ? "yes" : "**no**")} | {f.Runs.Count} | {result.Machine.Cores} cores |");
            }
        }

        text.AppendLine();
        foreach (var result in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- `{result.Command}` ({result.Timestamp:yyyy-MM-dd HH:mm} UTC, {result.Machine.Short}): {result.Scale}");
        }

        return text.ToString();
    }

    private static string Format(double value) => value switch
    {
        >= 1000 => value.ToString("#,0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.#", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
