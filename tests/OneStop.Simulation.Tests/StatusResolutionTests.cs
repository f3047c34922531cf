using System.Text.Json;
using OneStop.Core.Merge;

namespace OneStop.Simulation.Tests;

/// <summary>
/// A reviewer's resolution of a status conflict wins over both values it saw on every replica, whatever their
/// life-cycle ranks; a value the conflict did not offer is refused and changes nothing.
/// </summary>
public sealed class StatusResolutionTests
{
    [Fact]
    public async Task ResolveAtHub_KeepingLowerRankedWithdrawn_WithdrawnOnEveryReplica()
    {
        await using var test = await ConflictedAsync();
        var conflict = Assert.Single(await test.World.Hub.Store.ListConflictsAsync(test.Commune));
        Assert.Equal("\"approved\"", conflict.Conflict.Winner.Json);

        Assert.NotNull(await test.World.HubResolveAsync(conflict, "\"withdrawn\""));
        await test.HealAndCheckAsync();

        Assert.Equal("withdrawn", await StatusAsync(test, -1, conflict.Conflict.RecordId));
        Assert.Equal("withdrawn", await StatusAsync(test, 0, conflict.Conflict.RecordId));
        Assert.Equal("withdrawn", await StatusAsync(test, 1, conflict.Conflict.RecordId));
        Assert.Empty(await test.World.Hub.Store.ListConflictsAsync(test.Commune));
    }

    [Fact]
    public async Task ResolveAtNode_StatusNeitherSideHeld_RefusedAndNothingChanges()
    {
        await using var test = await ConflictedAsync();
        var conflict = Assert.Single(await test[0].Store.ListConflictsAsync());
        var before = (await test[0].Store.GetAsync(conflict.Conflict.RecordId))!.Fields.Count;

        await Assert.ThrowsAsync<ResolutionRefusedException>(() => test.World.ResolveAsync(test[0], conflict, "\"draft\""));

        Assert.Equal("approved", await StatusAsync(test, 0, conflict.Conflict.RecordId));
        Assert.Equal(before, (await test[0].Store.GetAsync(conflict.Conflict.RecordId))!.Fields.Count);
        Assert.Single(await test[0].Store.ListConflictsAsync());
    }

    /// <summary>Node 0 withdrew a received dossier while node 1 approved it, neither seeing the other; all synced.</summary>
    private static async Task<TestWorld> ConflictedAsync()
    {
        var test = await TestWorld.CreateAsync(0, 0);
        var world = test.World;
        var id = Guid.CreateVersion7();
        await world.WriteAsync(test[0], id, Values.NewDossier("\"Hờ Thị Sua\""));
        await world.SyncPushAsync(test[0]);
        await world.SyncPullAsync(test[1]);
        world.Time.Advance(1_000);
        await world.WriteAsync(test[1], id, Values.Of(("status", "\"approved\"")));
        world.Time.Advance(1_000);
        await world.WriteAsync(test[0], id, Values.Of(("status", "\"withdrawn\"")));
        await test.HealAndCheckAsync();
        return test;
    }

    /// <summary>The status a replica shows (-1: the hub).</summary>
    private static async Task<string?> StatusAsync(TestWorld test, int replica, Guid id)
    {
        var record = replica < 0 ? await test.World.Hub.Store.GetAsync(id) : await test[replica].Store.GetAsync(id);
        return JsonSerializer.Deserialize<string>(record!.Fields["status"].Json!);
    }
}
