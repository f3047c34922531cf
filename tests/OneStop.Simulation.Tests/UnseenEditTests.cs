namespace OneStop.Simulation.Tests;

/// <summary>Issue 17: an offline edit that a later write never saw must stay reviewable, whatever the clocks say.</summary>
public sealed class UnseenEditTests
{
    [Fact]
    public async Task Heal_OfflineEditNeverSeenByNewerWrite_OneConflictCarryingItEverywhere()
    {
        await using var test = await TestWorld.CreateAsync(0, 0, 0);
        var world = test.World;
        var (a, b, c) = (test[0], test[1], test[2]);
        var id = Guid.CreateVersion7();

        // C creates the dossier; A, B and C all hold it.
        await world.WriteAsync(c, id, Values.NewDossier("\"Tên gốc\""));
        await world.SyncPushAsync(c);
        await world.SyncPullAsync(a);
        await world.SyncPullAsync(b);

        // A edits offline; C edits later and syncs; B pulls C's edit and edits after it, never seeing A's.
        world.Time.Advance(1_000);
        await world.WriteAsync(a, id, Values.Of(("applicant_name", "\"Tên từ A\"")));
        world.Time.Advance(1_000);
        await world.WriteAsync(c, id, Values.Of(("applicant_name", "\"Tên từ C\"")));
        await world.SyncPushAsync(c);
        await world.SyncPullAsync(b);
        world.Time.Advance(1_000);
        await world.WriteAsync(b, id, Values.Of(("applicant_name", "\"Tên từ B\"")));
        await world.SyncPushAsync(b);

        // A comes back.
        await world.SyncPushAsync(a);
        await world.SyncPullAsync(a);
        await test.HealAndCheckAsync();

        var hub = Assert.Single(await world.Hub.Store.ListConflictsAsync(test.Commune));
        Assert.Equal("\"Tên từ A\"", hub.Conflict.Loser.Json);
        Assert.Equal("\"Tên từ B\"", hub.Conflict.Winner.Json);
        foreach (var replica in world.Replicas)
        {
            var listed = Assert.Single(await replica.Store.ListConflictsAsync());
            Assert.Equal(hub.Id, listed.Id);
            Assert.Equal("\"Tên từ B\"", (await replica.Store.GetAsync(id))!.GetJson("applicant_name"));
        }
    }
}
