using System.Diagnostics;
using System.Globalization;
using OneStop.Simulation;

// dotnet run -c Release --project bench/OneStop.Simulation -- --seeds 10000 [--first 0] [--replicas 5] [--steps 120] [--workers N]
var arguments = CommandLine.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine("usage: OneStop.Simulation --seeds N [--first F] [--replicas R] [--steps S] [--workers W]");
    return 2;
}

var (seeds, first, options, workers) = arguments.Value;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"OneStop deterministic simulation: seeds {first}..{first + seeds - 1}, {options.Replicas} replicas + hub, {options.Steps} steps/seed, {workers} workers, data in {options.DataRoot ?? SimulationOptions.DefaultDataRoot()}"));

var started = Stopwatch.GetTimestamp();
var failures = new List<SeedResult>();
var totals = new SimulationStats();
var done = 0;
var gate = new object();
var progressEvery = Math.Max(1, seeds / 20);
await Parallel.ForEachAsync(
    Enumerable.Range(first, seeds),
    new ParallelOptions { MaxDegreeOfParallelism = workers },
    async (seed, _) =>
    {
        var result = await SeedRunner.RunAsync(seed, options);
        lock (gate)
        {
            totals.Add(result.Stats);
            if (result.Diverged)
            {
                failures.Add(result);
            }

            done++;
            if (done % progressEvery == 0 || done == seeds)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {done}/{seeds} seeds, {failures.Count} divergences, {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s"));
            }
        }
    });

var elapsed = Stopwatch.GetElapsedTime(started);
Console.WriteLine($"faults and operations: {totals}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeds: {seeds}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"divergences: {failures.Count}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"duration: {elapsed.TotalSeconds:F1} s ({elapsed.TotalMilliseconds / seeds:F1} ms/seed wall, {workers} workers, {Environment.ProcessorCount} cores)"));
if (failures.Count == 0)
{
    return 0;
}

failures.Sort((a, b) => a.Seed.CompareTo(b.Seed));
Console.WriteLine($"failing seeds: {string.Join(' ', failures.Take(50).Select(f => f.Seed))}{(failures.Count > 50 ? " ..." : string.Empty)}");
Console.WriteLine("first failing " + failures[0].Describe());
Console.WriteLine($"replay: dotnet run -c Release --project bench/OneStop.Simulation -- --seeds 1 --first {failures[0].Seed} --replicas {options.Replicas} --steps {options.Steps}");
return 1;
