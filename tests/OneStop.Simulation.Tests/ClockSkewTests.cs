using OneStop.Core.Merge;

namespace OneStop.Simulation.Tests;

public sealed class ClockSkewTests
{
    [Fact]
    public async Task A_node_a_day_ahead_is_clamped_and_loses_to_a_later_honest_write()
    {
        await using var test = await TestWorld.CreateAsync(SimulationOptions.OneDayMs, 0);
        var world = test.World;
        var (ahead, honest) = (test[0], test[1]);
        var id = Guid.CreateVersion7();
        await world.WriteAsync(honest, id, Values.NewDossier("\"Original\""));
        await world.SyncPushAsync(honest);
        await world.SyncPullAsync(ahead);

        var written = await world.WriteAsync(ahead, id, Values.Of(("applicant_name", "\"Ahead\"")));
        Assert.True(written!.Fields[0].Version.WallMs > world.Time.NowMs + SimulationOptions.OneDayMs - 60_000);
        var headBefore = await world.Hub.Store.ReadLogHeadAsync();
        await world.SyncPushAsync(ahead);
        var logged = Assert.Single(await world.Hub.Store.ReadLogAfterAsync(test.Commune, headBefore, 10)).Change;
        Assert.True(logged.ClockClamped);
        Assert.True(logged.Fields[0].Version.WallMs <= world.Time.NowMs + world.Options.MaxAheadMs);

        // Ten minutes later, the honest node (which has not heard of "Ahead") writes the same field.
        world.Time.Advance(10 * 60 * 1000);
        await world.WriteAsync(honest, id, Values.Of(("applicant_name", "\"Honest\"")));
        await test.HealAndCheckAsync();

        var hubRecord = await world.Hub.Store.GetAsync(id);
        var originRecord = await ahead.Store.GetAsync(id);
        Assert.Equal("\"Honest\"", hubRecord!.GetJson("applicant_name"));
        Assert.Equal("\"Honest\"", originRecord!.GetJson("applicant_name"));

        // The origin re-clocked its own write: it holds the clamped version, not the one a day ahead.
        var limit = world.Time.NowMs + world.Options.MaxAheadMs;
        Assert.All(FieldHistory.Writes(originRecord, "applicant_name"), write => Assert.True(write.Version.WallMs <= limit, write.ToString()));
        Assert.Contains(FieldHistory.Writes(originRecord, "applicant_name"), write => write.Json == "\"Ahead\"" && write.Version == logged.Fields[0].Version);
        Assert.Null(RecordComparison.Describe(hubRecord, originRecord));

        // They did not see each other: one conflict, the honest later write its winner, on both.
        var conflict = Assert.Single(await world.Hub.Store.ListConflictsAsync(test.Commune));
        Assert.Equal("\"Honest\"", conflict.Conflict.Winner.Json);
        Assert.Equal([conflict.Id], (await ahead.Store.ListConflictsAsync()).Select(c => c.Id));
    }
}
