using System.Text.Json;
using Microsoft.Extensions.Options;
using OneStop.Storage;

namespace OneStop.Edge.StoreHealth;

/// <summary>
/// Command-line verbs of the edge host for its store, run with the service stopped:
/// <c>OneStop.Edge recover-store</c> salvages a damaged database into a fresh one and swaps it in;
/// <c>OneStop.Edge check-store</c> runs the checks the node runs (header, WAL, quick and full check) and prints
/// what they found and how long they took. Settings come from the same places as the host's (appsettings,
/// environment, <c>--Edge:DataDirectory=...</c>).
/// </summary>
public static class StoreCommands
{
    public const string Recover = "recover-store";
    public const string Check = "check-store";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is Recover or Check;

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args[1..]);
        builder.AddEdgeStore();
        await using var app = builder.Build();
        var edge = app.Services.GetRequiredService<IOptions<EdgeOptions>>().Value;
        var path = app.Services.GetRequiredService<SqliteDatabase>().Path;
        var time = app.Services.GetRequiredService<TimeProvider>();
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"No database at {path}.");
            return 2;
        }

        return args[0] == Recover ? await RecoverAsync(path, edge.NodeId, time) : await CheckAsync(path);
    }

    private static async Task<int> RecoverAsync(string path, string nodeId, TimeProvider time)
    {
        try
        {
            var outcome = await StoreRecovery.SalvageAndSwapAsync(path, nodeId, time, CancellationToken.None);
            Console.WriteLine($"Recovered {path}; the damaged file is kept at {outcome.DamagedCopy}.");
            Console.WriteLine(StoreRecovery.Describe(outcome.Report));
            Console.WriteLine(JsonSerializer.Serialize(outcome.Report));
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
            await Console.Error.WriteLineAsync("Recovery failed, nothing was swapped: " + ex.Message);
            return 1;
        }
    }

    private static async Task<int> CheckAsync(string path)
    {
        var header = StoreChecks.CheckHeader(path);
        var quick = header is null ? await StoreChecks.QuickCheckAsync(path, TimeSpan.FromHours(1)) : null;
        var full = header is null ? await StoreChecks.IntegrityCheckAsync(path, TimeSpan.FromHours(1)) : null;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            path,
            bytes = new FileInfo(path).Length,
            header = header ?? "ok",
            quickCheck = quick?.Summary,
            quickCheckMs = quick?.Milliseconds,
            integrityCheck = full?.Summary,
            integrityCheckMs = full?.Milliseconds,
        }));
        return header is null && quick?.Ok == true && full?.Ok == true ? 0 : 1;
    }
}
