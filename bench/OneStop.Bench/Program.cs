using OneStop.Bench;
using OneStop.Bench.Harness;
using OneStop.Bench.Scenarios;

// One command per scenario of issue 6 (see README, "Performance"):
//   dotnet run -c Release --project bench/OneStop.Bench -- <scenario> [--runs N] [scenario options]
// Build the hosts first: dotnet build -c Release central-hub/OneStop.Hub && dotnet build -c Release edge-node/OneStop.Edge
if (args.Length == 0 || !ScenarioNames.Names.Contains(args[0]))
{
    Console.Error.WriteLine($"usage: <scenario> [options]; scenarios: {string.Join(", ", ScenarioNames.Names)}");
    return 2;
}

var command = new CommandLine(args);
Console.WriteLine($"{args[0]} on {Machine.Current.Short}");
var result = args[0] switch
{
    "wire-ratio" => await WireRatio.RunAsync(command),
    "backlog-drain" => await BacklogDrain.RunAsync(command),
    "attachments" => await Attachments.RunAsync(command),
    "cuts" => await Cuts.RunAsync(command),
    "round-trips" => await RoundTrips.RunAsync(command),
    "hub-ingest" => await HubIngest.RunAsync(command),
    "idle-connections" => await IdleConnections.RunAsync(command),
    "edge-footprint" => await EdgeFootprint.RunAsync(command),
    "repair-bytes" => await RepairBytes.RunAsync(command),
    "store-check" => await StoreCheck.RunAsync(command),
    "desk-budget" => await DeskBudget.RunAsync(command),
    "scan-legibility" => await ScanLegibility.RunAsync(command),
    "idle-day" => await IdleDay.RunAsync(command),
    "national-replay" => await NationalReplay.RunAsync(command),
    _ => throw new InvalidOperationException("unreachable"),
};
var path = ResultWriter.Write(result);
Console.WriteLine(ResultWriter.Table([result]));
Console.WriteLine($"wrote {path} and bench/results/latest.md");
return 0;
