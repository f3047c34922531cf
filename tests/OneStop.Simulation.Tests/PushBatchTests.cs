using OneStop.Edge.Store;
using OneStop.Hub.Nodes;
using OneStop.Hub.Store;

namespace OneStop.Simulation.Tests;

public sealed class PushBatchTests
{
    [Fact]
    public async Task A_repeated_batch_is_a_no_op()
    {
        await using var test = await TestWorld.CreateAsync(0);
        var (world, node) = (test.World, test[0]);
        var id = Guid.CreateVersion7();
        await world.WriteAsync(node, id, Values.NewDossier("\"An\""));
        await world.WriteAsync(node, id, Values.Of(("applicant_name", "\"Binh\"")));
        await world.WriteAsync(node, id, Values.Of(("status", "\"processing\"")));
        var batch = await node.Store.ReadChangesAfterAsync(0, 10, int.MaxValue);
        var identity = new NodeIdentity(node.NodeId, test.Commune);

        var first = await world.Hub.Store.PushAsync(identity, batch);
        var head = await world.Hub.Store.ReadLogHeadAsync();
        var record = await world.Hub.Store.GetAsync(id);
        var second = await world.Hub.Store.PushAsync(identity, batch);

        Assert.Equal(new PushOutcome(3, 3, 0, 0), first);
        Assert.Equal(new PushOutcome(3, 0, 3, 0), second);
        Assert.Equal(head, await world.Hub.Store.ReadLogHeadAsync());
        Assert.Null(RecordComparison.Describe(record, await world.Hub.Store.GetAsync(id)));
    }

    [Fact]
    public async Task A_batch_with_a_gap_is_refused_and_nothing_of_it_is_stored()
    {
        await using var test = await TestWorld.CreateAsync(0);
        var (world, node) = (test.World, test[0]);
        var id = Guid.CreateVersion7();
        await world.WriteAsync(node, id, Values.NewDossier("\"An\""));
        await world.WriteAsync(node, id, Values.Of(("applicant_name", "\"Binh\"")));
        await world.WriteAsync(node, id, Values.Of(("status", "\"processing\"")));
        var identity = new NodeIdentity(node.NodeId, test.Commune);

        // Entry 1 was lost on the way: 2 and 3 arrive over an ack of 0.
        var gap = await node.Store.ReadChangesAfterAsync(1, 10, int.MaxValue);
        var refused = await Assert.ThrowsAsync<PushRefusedException>(() => world.Hub.Store.PushAsync(identity, gap));

        Assert.Equal(PushRefusal.Gap, refused.Reason);
        Assert.Equal(0, await world.Hub.Store.ReadLogHeadAsync());
        Assert.Equal(0, await world.Hub.Store.ReadAckedAsync(node.NodeId));
        Assert.Null(await world.Hub.Store.GetAsync(id));

        // The push resumes from the hub's ack and goes through whole.
        await world.SyncPushAsync(node);
        Assert.Equal(3, await world.Hub.Store.ReadAckedAsync(node.NodeId));
        Assert.Equal(3, await node.Store.ReadCursorAsync(MetaKeys.PushAcked));
        Assert.Null(RecordComparison.Describe(await node.Store.GetAsync(id), await world.Hub.Store.GetAsync(id)));
    }
}
