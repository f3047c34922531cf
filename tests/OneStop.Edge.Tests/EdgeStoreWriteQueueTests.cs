using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Changes;
using OneStop.Edge.Store;
using OneStop.Storage;

namespace OneStop.Edge.Tests;

/// <summary>
/// The sync agent's and the clock watch's cursor writes wait in the store's writers' queue, not inside SQLite's busy
/// handler, where they and the clerk's saves slept 1 to 50 ms at a time (a tail on the save while a backlog drains).
/// </summary>
public sealed class EdgeStoreWriteQueueTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WriteCursorAsync_WhileASaveHoldsTheQueue_WaitsInTheQueueNotInSqlite()
    {
        using var temp = new TempStore();
        var saveQueued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = new EdgeStore(temp.Database, temp.NodeId) { BeforeWrite = () => saveQueued.TrySetResult() };
        await store.InitialiseAsync(new FakeTimeProvider(Start));

        // Another process holds SQLite's write lock, so the save below takes the queue and then waits for SQLite.
        await using var other = await temp.Database.OpenAsync();
        var otherWrite = SqliteDatabase.BeginWrite(other);
        var id = Guid.CreateVersion7();
        var save = Task.Run(() => store.WriteAsync(id, RecordTypes.Dossier, "03006", new Dictionary<string, string?> { ["applicant_name"] = "\"A\"" }));
        await saveQueued.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Queued behind the save, the cursor write can be cancelled; in SQLite it would block on the lock for the busy timeout (30 s).
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var cursor = Task.Run(() => store.WriteCursorAsync(MetaKeys.PushAcked, 1, cancel.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cursor.WaitAsync(TimeSpan.FromSeconds(10)));

        otherWrite.Rollback();
        await save.WaitAsync(TimeSpan.FromSeconds(30));
        await store.WriteCursorAsync(MetaKeys.PushAcked, 1);
        Assert.Equal(1, await store.ReadCursorAsync(MetaKeys.PushAcked));
        Assert.NotNull(await store.GetAsync(id));
        otherWrite.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
