namespace OneStop.Simulation.Tests;

/// <summary>
/// Resolving a conflict goes through the same store calls as the edge and hub resolve endpoints
/// (EdgeApi/HubAdminApi): <c>ResolveConflictAsync</c>, a write of the chosen value that saw both sides.
/// </summary>
public sealed class ConflictResolutionTests
{
    [Fact]
    public async Task Resolving_with_the_losing_value_closes_the_conflict_everywhere()
    {
        await using var test = await ConflictedAsync();
        var world = test.World;
        var conflict = Assert.Single(await test[0].Store.ListConflictsAsync());

        await world.WriteAsync(test[0], conflict.Conflict.RecordId, Values.Of((conflict.Conflict.Field, conflict.Conflict.Loser.Json)));
        await test.HealAndCheckAsync();

        Assert.Empty(await world.Hub.Store.ListConflictsAsync(test.Commune));
        Assert.Empty(await test[1].Store.ListConflictsAsync());
    }

    // Keeping the value that already shows is the commonest choice a reviewer makes.
    [Fact]
    public async Task Resolving_at_a_node_by_keeping_the_winning_value_closes_the_conflict()
    {
        await using var test = await ConflictedAsync();
        var world = test.World;
        var conflict = Assert.Single(await test[0].Store.ListConflictsAsync());

        var resolved = await world.ResolveAsync(test[0], conflict, conflict.Conflict.Winner.Json!);

        Assert.NotNull(resolved);
        Assert.Empty(await test[0].Store.ListConflictsAsync());
        await test.HealAndCheckAsync();
        Assert.Empty(await world.Hub.Store.ListConflictsAsync(test.Commune));
        Assert.Empty(await test[1].Store.ListConflictsAsync());
    }

    [Fact]
    public async Task Resolving_at_the_hub_by_keeping_the_winning_value_closes_the_conflict()
    {
        await using var test = await ConflictedAsync();
        var world = test.World;
        var conflict = Assert.Single(await world.Hub.Store.ListConflictsAsync(test.Commune));

        var resolved = await world.HubResolveAsync(conflict, conflict.Conflict.Winner.Json!);

        Assert.NotNull(resolved);
        Assert.Empty(await world.Hub.Store.ListConflictsAsync(test.Commune));
        await test.HealAndCheckAsync();
        Assert.Empty(await test[0].Store.ListConflictsAsync());
        Assert.Empty(await test[1].Store.ListConflictsAsync());
    }

    /// <summary>Two nodes renamed the same dossier concurrently; everything synced; one open conflict everywhere.</summary>
    private static async Task<TestWorld> ConflictedAsync()
    {
        var test = await TestWorld.CreateAsync(0, 0);
        var world = test.World;
        var id = Guid.CreateVersion7();
        await world.WriteAsync(test[0], id, Values.NewDossier("\"Original\""));
        await world.SyncPushAsync(test[0]);
        await world.SyncPullAsync(test[1]);
        world.Time.Advance(1_000);
        await world.WriteAsync(test[0], id, Values.Of(("applicant_name", "\"An\"")));
        world.Time.Advance(1_000);
        await world.WriteAsync(test[1], id, Values.Of(("applicant_name", "\"Binh\"")));
        await test.HealAndCheckAsync();
        return test;
    }
}
