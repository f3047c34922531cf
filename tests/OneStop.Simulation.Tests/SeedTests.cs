namespace OneStop.Simulation.Tests;

/// <summary>
/// 500 fixed seeds of the random simulation (5 replicas and a hub, the bench's default steps per seed),
/// in batches so a failure names its seed; the bench command runs the same seeds and more.
/// </summary>
public sealed class SeedTests
{
    private const int BatchSize = 50;

    public static TheoryData<int> Batches() => [.. Enumerable.Range(0, 10).Select(batch => batch * BatchSize)];

    [Theory]
    [MemberData(nameof(Batches))]
    public async Task Seeds_converge_without_loss_and_agree_on_conflicts(int first)
    {
        var options = new SimulationOptions();
        var results = new List<SeedResult>();
        await Parallel.ForEachAsync(
            Enumerable.Range(first, BatchSize),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (seed, _) =>
            {
                var result = await SeedRunner.RunAsync(seed, options);
                lock (results)
                {
                    results.Add(result);
                }
            });

        var failed = results.Where(result => result.Diverged).OrderBy(result => result.Seed).ToList();
        Assert.True(failed.Count == 0, failed.Count == 0 ? string.Empty : $"failing seeds: {string.Join(' ', failed.Select(f => f.Seed))}{Environment.NewLine}{failed[0].Describe()}");
    }

    [Fact]
    public async Task A_seed_replays_to_the_same_end_state()
    {
        var options = new SimulationOptions();
        var first = await SeedRunner.RunAsync(7, options);
        var second = await SeedRunner.RunAsync(7, options);

        Assert.NotEmpty(first.Digest);
        Assert.Equal(first.Digest, second.Digest);
        Assert.Equal(first.Stats.ToString(), second.Stats.ToString());
        Assert.Equal(first.Findings, second.Findings);
    }
}
