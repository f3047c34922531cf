using Microsoft.Data.Sqlite;

namespace OneStop.Simulation.Tests;

/// <summary>A hand-driven simulation world in its own directory, deleted on dispose.</summary>
internal sealed class TestWorld : IAsyncDisposable
{
    private readonly string _directory;

    private TestWorld(string directory, SimulationWorld world)
    {
        _directory = directory;
        World = world;
    }

    public SimulationWorld World { get; }

    public string Commune => World.Commune;

    public Replica this[int index] => World.Replicas[index];

    public static async Task<TestWorld> CreateAsync(params long[] skewsMs)
    {
        var options = new SimulationOptions { Replicas = skewsMs.Length };
        var directory = Path.Combine(SimulationOptions.DefaultDataRoot(), $"onestop-simtest-{Guid.NewGuid():N}");
        return new TestWorld(directory, await SimulationWorld.CreateAsync(options, directory, skewsMs));
    }

    public async Task HealAndCheckAsync()
    {
        await World.HealAsync(new Random(0));
        await ConvergenceCheck.RunAsync(World);
        Assert.True(!World.Findings.Any, string.Join(Environment.NewLine, World.Findings.Items));
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
