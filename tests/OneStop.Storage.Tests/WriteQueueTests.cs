namespace OneStop.Storage.Tests;

public sealed class WriteQueueTests
{
    [Fact]
    public async Task Release_BackgroundQueuedBeforeDesk_DeskWriterGoesFirst()
    {
        var queue = new WriteQueue();
        var order = new List<string>();
        var held = new TaskCompletionSource();
        var holder = queue.RunAsync(WriteLane.Background, () => held.Task);
        var background = queue.RunAsync(WriteLane.Background, () => Note(order, "background"));
        var desk = queue.RunAsync(WriteLane.Desk, () => Note(order, "desk"));
        Assert.Equal(2, queue.Waiting);

        held.SetResult();
        await Task.WhenAll(holder, background, desk);

        Assert.Equal(["desk", "background"], order);
    }

    [Fact]
    public async Task Release_SameLane_ArrivalOrder()
    {
        var queue = new WriteQueue();
        var order = new List<string>();
        var held = new TaskCompletionSource();
        var holder = queue.RunAsync(WriteLane.Desk, () => held.Task);
        var writes = Enumerable.Range(1, 4).Select(i => queue.RunAsync(i % 2 == 0 ? WriteLane.Desk : WriteLane.Background, () => Note(order, $"w{i}"))).ToList();

        held.SetResult();
        await Task.WhenAll(writes.Append(holder));

        Assert.Equal(["w2", "w4", "w1", "w3"], order);
    }

    [Fact]
    public async Task Release_WaiterCancelled_SkippedAndTheNextOneRuns()
    {
        var queue = new WriteQueue();
        var order = new List<string>();
        var held = new TaskCompletionSource();
        using var cancel = new CancellationTokenSource();
        var holder = queue.RunAsync(WriteLane.Desk, () => held.Task);
        var cancelled = queue.RunAsync(WriteLane.Desk, () => Note(order, "cancelled"), cancel.Token);
        var next = queue.RunAsync(WriteLane.Background, () => Note(order, "next"));

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        held.SetResult();
        await Task.WhenAll(holder, next);

        Assert.Equal(["next"], order);
        Assert.Equal(0, queue.Waiting);
        // Free again: the next writer enters at once.
        Assert.True(queue.EnterAsync(WriteLane.Background).IsCompletedSuccessfully);
    }

    private static Task Note(List<string> order, string name)
    {
        order.Add(name);
        return Task.CompletedTask;
    }
}
