using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Changes;
using OneStop.Edge.Store;

namespace OneStop.Edge.Tests;

/// <summary>The store's incarnation: made fresh, bound to the machine, renewed without losing an unconfirmed write.</summary>
public sealed class EdgeIncarnationTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task BindIncarnation_FreshStore_GetsAnIdThatSurvivesRestart()
    {
        using var temp = new TempStore();
        var time = new FakeTimeProvider(Start);
        var store = await temp.OpenAsync(time);

        Assert.Null(await store.BindIncarnationAsync("box-a", time));
        var reopened = await temp.OpenAsync(time);
        await reopened.BindIncarnationAsync("box-a", time);

        Assert.True(Guid.TryParse(store.Incarnation, out _), store.Incarnation);
        Assert.Equal(store.Incarnation, reopened.Incarnation);
        Assert.Null(reopened.Note);
    }

    [Fact]
    public async Task BindIncarnation_StoreOfPreviousBuildWithLog_StaysLegacy()
    {
        using var temp = new TempStore();
        var time = new FakeTimeProvider(Start);
        var store = await temp.OpenAsync(time);
        await Write(store, "Lò Văn Hùng");

        await store.BindIncarnationAsync("box-a", time);

        Assert.Equal(IncarnationPolicy.Legacy, store.Incarnation);
        Assert.Equal(string.Empty, Assert.Single(await store.ReadChangesAfterAsync(0, 10, 1 << 20)).OriginIncarnation);
    }

    [Fact]
    public async Task BindIncarnation_OtherMachine_NewIncarnationRelogsUnacknowledgedWithSameVersions()
    {
        using var temp = new TempStore();
        var time = new FakeTimeProvider(Start);
        var store = await temp.OpenAsync(time);
        await store.BindIncarnationAsync("box-a", time);
        var first = store.Incarnation;
        await Write(store, "Đã gửi");
        await store.WriteCursorAsync(MetaKeys.PushAcked, 1);
        await Write(store, "Chưa gửi 1");
        await Write(store, "Chưa gửi 2");
        var unconfirmed = (await store.ReadChangesAfterAsync(1, 10, 1 << 20)).ToList();

        var moved = await temp.OpenAsync(time);
        var note = await moved.BindIncarnationAsync("box-b", time);

        Assert.Equal("moved", note?.Reason);
        Assert.NotEqual(first, moved.Incarnation);
        var relogged = await moved.ReadChangesAfterAsync(0, 10, 1 << 20);
        Assert.Equal([1L, 2L], relogged.Select(e => e.OriginSeq));
        Assert.All(relogged, e => Assert.Equal(moved.Incarnation, e.OriginIncarnation));
        Assert.Equal(unconfirmed.Select(e => (e.RecordId, e.Fields[0].Version)), relogged.Select(e => (e.RecordId, e.Fields[0].Version)));
        Assert.Equal(0, await moved.ReadCursorAsync(MetaKeys.PushAcked));
        Assert.Equal(2, await moved.CountBacklogAsync());
        Assert.Equal(3, await temp.ScalarAsync($"SELECT COUNT(*) FROM change_log_retired WHERE incarnation = '{first}'"));

        // Bound to the new machine now: the next start carries on.
        var again = await temp.OpenAsync(time);
        Assert.Null(await again.BindIncarnationAsync("box-b", time));
        Assert.Equal(moved.Incarnation, again.Incarnation);
    }

    [Fact]
    public async Task WriteAsync_AfterReincarnation_ContinuesTheNewLog()
    {
        using var temp = new TempStore();
        var time = new FakeTimeProvider(Start);
        var store = await temp.OpenAsync(time);
        await store.BindIncarnationAsync("box-a", time);
        await Write(store, "Trước");
        await Write(store, "Trước nữa");

        await store.ReincarnateAsync(IncarnationReason.Regressed, 2, time);
        await Write(store, "Sau");

        var log = await store.ReadChangesAfterAsync(0, 10, 1 << 20);
        Assert.Equal(1L, Assert.Single(log).OriginSeq);
        Assert.Equal("regressed", store.Note?.Reason);
    }

    private static Task Write(EdgeStore store, string applicant) =>
        store.WriteAsync(Guid.CreateVersion7(), RecordTypes.Dossier, "03006", new Dictionary<string, string?> { ["applicant_name"] = $"\"{applicant}\"" });
}
