using Xunit.Abstractions;

namespace OneStop.Simulation.Tests.Wire;

/// <summary>
/// The convergence simulation over the wire: the real edge <c>SyncRound</c> against the real hub gRPC service
/// (in process), three communes of two or three nodes, crashes inside transactions at both ends, random
/// schedules from fixed seeds. A failure names its seed; <c>WireWorld.CreateAsync(seed)</c> replays it.
/// </summary>
public sealed class WireSimulationTests(ITestOutputHelper output)
{
    private const int Steps = 45;

    private const int SeedsPerBatch = 5;

    public static TheoryData<int> Batches() => [0, 100, 200];

    [Theory]
    [MemberData(nameof(Batches))]
    public async Task RunAsync_RandomSchedulesWithCrashesInsideTransactions_EveryCommuneConvergesToTheOracle(int firstSeed)
    {
        var failures = new List<string>();
        var landedKinds = new HashSet<FaultKind>();
        int withConcurrency = 0, withLandedCrash = 0, landed = 0, foreign = 0;
        for (var seed = firstSeed; seed < firstSeed + SeedsPerBatch; seed++)
        {
            await using var world = await WireWorld.CreateAsync(seed);
            await world.RunAsync(Steps);
            output.WriteLine($"seed {seed}: {world.Stats}; crashes landed/armed: {world.Faults}");
            if (world.Findings.Count > 0)
            {
                failures.Add($"seed {seed}:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", world.Findings.Take(12))}");
            }

            withConcurrency += world.Stats.ConcurrentFields > 0 ? 1 : 0;
            withLandedCrash += world.Faults.TotalLanded > 0 ? 1 : 0;
            landed += world.Faults.TotalLanded;
            foreign += world.Stats.ForeignEntriesPassed;
            landedKinds.UnionWith(world.Faults.Landed.Where(pair => pair.Value > 0).Select(pair => pair.Key));
        }

        output.WriteLine($"non-vacuous: {withConcurrency}/{SeedsPerBatch} seeds with concurrent edits, {withLandedCrash}/{SeedsPerBatch} with a crash that landed inside a transaction ({landed} in all), {foreign} other communes' entries passed over by pulls");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        // Floors, so a schedule that stopped producing concurrency or crashes cannot pass by doing nothing.
        Assert.True(withConcurrency * 2 >= SeedsPerBatch, $"only {withConcurrency}/{SeedsPerBatch} seeds had concurrent edits");
        Assert.True(withLandedCrash * 2 >= SeedsPerBatch, $"only {withLandedCrash}/{SeedsPerBatch} seeds had a crash inside a transaction");
        Assert.Equal(Enum.GetValues<FaultKind>().Order(), landedKinds.Order());
        Assert.True(foreign > 0, "no pull ever passed over another commune's entries: scope filtering was not exercised");
    }
}
