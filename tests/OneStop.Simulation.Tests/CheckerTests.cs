using OneStop.Core.Changes;
using OneStop.Core.Clock;

namespace OneStop.Simulation.Tests;

/// <summary>The end-state check must be able to fail: replicas that really diverged are reported.</summary>
public sealed class CheckerTests
{
    [Fact]
    public async Task A_write_that_never_left_its_replica_is_reported()
    {
        await using var test = await TestWorld.CreateAsync(0, 0);
        var world = test.World;
        var id = Guid.CreateVersion7();
        await world.WriteAsync(test[0], id, Values.NewDossier("\"An\""));
        await world.HealAsync(new Random(0));
        await world.WriteAsync(test[1], id, Values.Of(("applicant_name", "\"Binh\"")));

        await ConvergenceCheck.RunAsync(world);

        Assert.Contains(world.Findings.Items, finding => finding.Contains("never reached the hub log", StringComparison.Ordinal));
        Assert.Contains(world.Findings.Items, finding => finding.Contains("hub vs n1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_write_only_one_replica_holds_and_its_conflict_are_reported()
    {
        await using var test = await TestWorld.CreateAsync(0, 0);
        var world = test.World;
        var id = Guid.CreateVersion7();
        await world.WriteAsync(test[0], id, Values.NewDossier("\"An\""));
        await world.HealAsync(new Random(0));

        // A concurrent write slipped into one replica past the hub: it conflicts there only.
        var stray = new ChangeEntry("n9", 1, id, RecordTypes.Dossier, test.Commune,
            [FieldChange.Set("applicant_name", "\"Stray\"", new HlcTimestamp(world.Time.NowMs + 1, 0, "n9"), HlcTimestamp.Zero)]);
        var cursor = await world.Hub.Store.ReadLogHeadAsync();
        await test[1].Store.ApplyPulledAsync([new HubLogEntry(cursor, stray)], cursor);

        await ConvergenceCheck.RunAsync(world);

        Assert.Contains(world.Findings.Items, finding => finding.Contains("hub vs n1", StringComparison.Ordinal));
        Assert.Contains(world.Findings.Items, finding => finding.Contains("no write in the hub log", StringComparison.Ordinal));
        Assert.Contains(world.Findings.Items, finding => finding.Contains("n1: unexpected open conflict", StringComparison.Ordinal));
    }
}
