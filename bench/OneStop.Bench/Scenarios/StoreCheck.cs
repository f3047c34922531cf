using System.Diagnostics;
using System.Text.Json;
using OneStop.Bench.Harness;

namespace OneStop.Bench.Scenarios;

/// <summary>
/// Storage health (issue 20): how long the node's quick check at start (PRAGMA quick_check) and the full
/// check at the quiet hour (PRAGMA integrity_check) take on a store of <c>--dossiers</c> dossiers (default
/// 50,000) filed through the real edge's HTTP API. The checks run through the edge host's own
/// <c>check-store</c> verb, i.e. the code the node runs at start.
/// </summary>
internal static class StoreCheck
{
    public static async Task<ScenarioResult> RunAsync(CommandLine command)
    {
        var runs = command.Int("runs", 3);
        var dossiers = command.Int("dossiers", 50_000);
        var template = await Templates.GetAsync(dossiers);
        var database = Path.Combine(template.Folder, "edge", "edge.db");
        var quick = new List<double>();
        var full = new List<double>();
        long bytes = 0;
        for (var run = 0; run < runs; run++)
        {
            using var report = JsonDocument.Parse(await CheckStoreAsync(Path.GetDirectoryName(database)!));
            var root = report.RootElement;
            if (root.GetProperty("quickCheck").GetString() != "ok" || root.GetProperty("integrityCheck").GetString() != "ok")
            {
                throw new InvalidOperationException("The template store did not check ok: " + root);
            }

            quick.Add(root.GetProperty("quickCheckMs").GetInt64());
            full.Add(root.GetProperty("integrityCheckMs").GetInt64());
            bytes = root.GetProperty("bytes").GetInt64();
            Console.WriteLine($"  run {run + 1}: quick_check {quick[^1]} ms, integrity_check {full[^1]} ms, {bytes / 1_048_576.0:0.0} MiB");
        }

        var bound = 20_000.0;
        return new ScenarioResult(
            "store-check",
            $"dotnet run -c Release --project bench/OneStop.Bench -- store-check --dossiers {dossiers}",
            TimeProvider.System.GetUtcNow(),
            Machine.Current,
            runs,
            $"{dossiers} dossiers, {bytes} bytes",
            [
                new Figure($"quick_check at start, {dossiers:N0} dossiers", Measure.Median(quick), "ms", "≤ StoreHealth:QuickCheckSeconds (20 s)", null, Measure.Median(quick) / bound, Measure.Median(quick) <= bound, quick),
                new Figure($"integrity_check at the quiet hour, {dossiers:N0} dossiers", Measure.Median(full), "ms", "finishes within the quiet hour", null, null, true, full),
            ],
            ["Cold page cache is not forced: the check at start follows the node's own boot, which has read little of the file."]);
    }

    private static async Task<string> CheckStoreAsync(string dataDirectory)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(RepoPaths.HostDll("edge-node", "OneStop.Edge"));
        info.ArgumentList.Add("check-store");
        info.ArgumentList.Add($"--Edge:DataDirectory={dataDirectory}");
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"check-store printed no report (exit {process.ExitCode}): {output}\n{error}");
    }
}
