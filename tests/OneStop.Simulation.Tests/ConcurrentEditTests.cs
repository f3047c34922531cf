using OneStop.Core.Changes;

namespace OneStop.Simulation.Tests;

public sealed class ConcurrentEditTests
{
    [Fact]
    public async Task Three_replicas_editing_one_field_give_three_pairwise_conflicts_everywhere()
    {
        await using var test = await TestWorld.CreateAsync(0, 0, 0);
        var world = test.World;
        var id = Guid.CreateVersion7();
        await world.WriteAsync(test[0], id, Values.NewDossier("\"Original\""));
        await world.SyncPushAsync(test[0]);
        foreach (var replica in world.Replicas)
        {
            await world.SyncPullAsync(replica);
        }

        // Each edits the name without hearing of the others.
        string[] names = ["\"An\"", "\"Binh\"", "\"Chi\""];
        for (var i = 0; i < 3; i++)
        {
            world.Time.Advance(1_000);
            await world.WriteAsync(test[i], id, Values.Of(("applicant_name", names[i])));
        }

        await test.HealAndCheckAsync();

        var hubConflicts = await world.Hub.Store.ListConflictsAsync(test.Commune);
        Assert.Equal(3, hubConflicts.Count);
        Assert.All(hubConflicts, conflict => Assert.Equal("applicant_name", conflict.Conflict.Field));
        var pairs = hubConflicts.Select(c => string.Join('+', new[] { c.Conflict.Winner.Json, c.Conflict.Loser.Json }.Order())).Order().ToList();
        Assert.Equal(["\"An\"+\"Binh\"", "\"An\"+\"Chi\"", "\"Binh\"+\"Chi\""], pairs);
        foreach (var replica in world.Replicas)
        {
            var listed = await replica.Store.ListConflictsAsync();
            Assert.Equal(hubConflicts.Select(c => c.Id).Order(), listed.Select(c => c.Id).Order());
            var record = await replica.Store.GetAsync(id);
            Assert.Equal("\"Chi\"", record!.GetJson("applicant_name"));
        }
    }

    [Fact]
    public async Task Concurrent_statuses_on_one_path_are_not_a_conflict_but_a_decision_against_withdrawal_is()
    {
        await using var test = await TestWorld.CreateAsync(0, 0);
        var world = test.World;
        var id = Guid.CreateVersion7();
        await world.WriteAsync(test[0], id, Values.Of(("status", "\"processing\"")));
        await world.SyncPushAsync(test[0]);
        await world.SyncPullAsync(test[1]);

        world.Time.Advance(1_000);
        await world.WriteAsync(test[0], id, Values.Of(("status", "\"approved\"")));
        world.Time.Advance(1_000);
        await world.WriteAsync(test[1], id, Values.Of(("status", "\"withdrawn\"")));
        await test.HealAndCheckAsync();

        var conflict = Assert.Single(await world.Hub.Store.ListConflictsAsync(test.Commune));
        Assert.Equal("\"approved\"", conflict.Conflict.Winner.Json);
        var record = await test[1].Store.GetAsync(id);
        Assert.Equal("\"approved\"", record!.GetJson("status"));
        Assert.Equal(RecordTypes.Dossier, record.Type);
    }
}
