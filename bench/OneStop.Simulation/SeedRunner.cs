using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace OneStop.Simulation;

/// <summary>Runs one seed end to end in a fresh directory: workload, healing, checks, then deletes the directory.</summary>
public static class SeedRunner
{
    public static async Task<SeedResult> RunAsync(int seed, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = Stopwatch.GetTimestamp();
        var directory = Path.Combine(options.DataRoot ?? SimulationOptions.DefaultDataRoot(), $"onestop-sim-{Environment.ProcessId}-{seed}-{Guid.NewGuid():N}");
        try
        {
            // All randomness of the seed comes from this one generator.
            var random = new Random(seed);
            var skews = Enumerable.Range(0, options.Replicas).Select(_ => RandomWorkload.DrawSkew(random, options.MaxSkewMs)).ToList();
            var world = await SimulationWorld.CreateAsync(options, directory, skews);
            var digest = string.Empty;
            try
            {
                await new RandomWorkload(world, random).RunAsync(options.Steps);
                await world.HealAsync(random);
                await ConvergenceCheck.RunAsync(world);
                digest = await StateDigest.OfHubAsync(world);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A store throwing is a finding like any other: report it with the seed, keep the run going.
                world.Findings.Add($"step {world.Step}: {ex.GetType().Name}: {ex.Message}{Environment.NewLine}{ex.StackTrace}");
            }

            return new SeedResult(seed, world.Findings.Items, world.Stats, digest, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            // Pooled connections keep the files open; close them so the directory really goes away.
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
