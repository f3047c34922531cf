using OneStop.Edge.Store;

namespace OneStop.Simulation.Tests;

public sealed class PullCursorTests
{
    [Fact]
    public async Task An_old_pull_reply_delivered_after_a_newer_one_does_not_move_the_cursor_back()
    {
        await using var test = await TestWorld.CreateAsync(0, 0);
        var (world, writer, reader) = (test.World, test[0], test[1]);
        var id = Guid.CreateVersion7();
        await world.WriteAsync(writer, id, Values.NewDossier("\"An\""));
        await world.SyncPushAsync(writer);
        var older = await world.Hub.Store.ReadLogAfterAsync(test.Commune, 0, 10);

        await world.WriteAsync(writer, id, Values.Of(("applicant_name", "\"Binh\"")));
        await world.WriteAsync(writer, id, Values.Of(("status", "\"processing\"")));
        await world.SyncPushAsync(writer);
        var newer = await world.Hub.Store.ReadLogAfterAsync(test.Commune, 0, 10);

        await reader.Store.ApplyPulledAsync(newer, newer[^1].HubSeq);
        var record = await reader.Store.GetAsync(id);
        await reader.Store.ApplyPulledAsync(older, older[^1].HubSeq);

        Assert.Equal(3, await reader.Store.ReadCursorAsync(MetaKeys.PullCursor));
        Assert.Null(RecordComparison.Describe(record, await reader.Store.GetAsync(id)));
        await test.HealAndCheckAsync();
    }
}
