using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Audit;
using OneStop.Core.Changes;
using OneStop.Edge.Audit;
using OneStop.Edge.Store;
using OneStop.Storage;

namespace OneStop.Edge.Tests;

/// <summary>
/// Every writer of the node's file waits in its one queue, and a clerk's writes pass the sync's: a writer outside
/// the queue meets the queued ones inside SQLite's busy handler (sleeps of 1 to 25 ms and more), and a save queued
/// behind the sync's bookkeeping waits for all of it.
/// </summary>
public sealed class WriteQueueAtTheEdgeTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TempStore _files = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_780_000_000_000));

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task AppendAsync_WhileAWriteHoldsTheFile_WaitsInTheQueue()
    {
        var database = _files.Database;
        var log = new EdgeAuditLog(database, _time);
        await log.AppendAsync("canbo", AuditActions.Viewed, "d0", null);
        var held = new TaskCompletionSource();
        var holder = database.Writes.RunAsync(WriteLane.Desk, () => held.Task);

        var append = log.AppendAsync("canbo", AuditActions.Changed, "d1", null);
        await WaitUntilAsync(() => database.Writes.Waiting == 1 || append.IsCompleted);

        Assert.False(append.IsCompleted);
        held.SetResult();
        await Task.WhenAll(holder, append);
        Assert.Equal(2, (await append).Entry.Sequence);
    }

    [Fact]
    public async Task WriteAsync_QueuedAfterSyncBookkeeping_RunsBeforeIt()
    {
        var database = _files.Database;
        var store = new EdgeStore(database, _files.NodeId);
        await store.InitialiseAsync(_time);
        var held = new TaskCompletionSource();
        var holder = database.Writes.RunAsync(WriteLane.Desk, () => held.Task);

        var pulled = store.ApplyPulledAsync([], 40);
        var acked = store.WriteCursorAsync(MetaKeys.PushAcked, 7);
        await WaitUntilAsync(() => database.Writes.Waiting == 2);
        var save = store.WriteAsync(Guid.CreateVersion7(), RecordTypes.Dossier, "03006", new Dictionary<string, string?> { ["applicant_name"] = "\"Lan\"" });
        await WaitUntilAsync(() => database.Writes.Waiting == 3);
        // Queued last in the desk's lane: it runs right after the save, so it sees what ran before it.
        var seen = database.Writes.RunAsync(WriteLane.Desk, async () => (
            Pull: await store.ReadCursorAsync(MetaKeys.PullCursor),
            Acked: await store.ReadCursorAsync(MetaKeys.PushAcked),
            Backlog: await store.CountBacklogAsync()));
        held.SetResult();
        await Task.WhenAll(holder, pulled, acked, save, seen);

        Assert.Equal((0L, 0L, 1L), await seen);
        Assert.Equal((40L, 7L), (await store.ReadCursorAsync(MetaKeys.PullCursor), await store.ReadCursorAsync(MetaKeys.PushAcked)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(deadline) > Patience)
            {
                throw new TimeoutException("The writers' queue never reached the expected state.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }
    }
}
