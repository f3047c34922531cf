using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Edge.Store;

namespace OneStop.Edge.Tests;

public sealed class EdgeStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Values(params (string Name, string? Json)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Json, StringComparer.Ordinal);

    [Fact]
    public async Task WriteAsync_NewRecord_RecordAndItsLogEntryCommitTogether()
    {
        using var temp = new TempStore();
        var store = await temp.OpenAsync(new FakeTimeProvider(Start));
        var id = Guid.CreateVersion7();

        var record = await store.WriteAsync(id, RecordTypes.Dossier, "03006", Values(("applicant_name", "\"Lò Văn Hùng\"")));

        var log = await store.ReadChangesAfterAsync(0, 10, 1 << 20);
        var entry = Assert.Single(log);
        Assert.Equal((temp.NodeId, 1L, id), (entry.OriginNode, entry.OriginSeq, entry.RecordId));
        Assert.Equal(record.Fields["applicant_name"].Version, Assert.Single(entry.Fields).Version);
        Assert.Equal(1, await store.CountBacklogAsync());
    }

    [Fact]
    public async Task WriteAsync_SameValuesAgain_LogsNothing()
    {
        using var temp = new TempStore();
        var store = await temp.OpenAsync(new FakeTimeProvider(Start));
        var id = Guid.CreateVersion7();
        await store.WriteAsync(id, RecordTypes.Dossier, "03006", Values(("applicant_name", "\"A\""), ("status", "\"received\"")));

        await store.WriteAsync(id, RecordTypes.Dossier, "03006", Values(("applicant_name", "\"A\""), ("status", "\"received\"")));
        await store.WriteAsync(id, RecordTypes.Dossier, "03006", Values(("applicant_name", "\"B\""), ("status", "\"received\"")));

        var log = await store.ReadChangesAfterAsync(0, 10, 1 << 20);
        Assert.Equal(2, log.Count);
        Assert.Equal("applicant_name", Assert.Single(log[1].Fields).Name);
    }

    [Fact]
    public async Task Restart_WithClockSetBackADay_NewVersionsStillLater()
    {
        using var temp = new TempStore();
        var time = new FakeTimeProvider(Start);
        var store = await temp.OpenAsync(time);
        var id = Guid.CreateVersion7();
        var before = await store.WriteAsync(id, RecordTypes.Dossier, "03006", Values(("applicant_name", "\"A\"")));

        time.AdjustTime(Start.AddDays(-1));
        var reopened = await temp.OpenAsync(time);
        var after = await reopened.WriteAsync(id, RecordTypes.Dossier, "03006", Values(("applicant_name", "\"B\"")));

        Assert.True(after.Fields["applicant_name"].Version > before.Fields["applicant_name"].Version);
        Assert.Equal(before.Fields["applicant_name"].Version, after.Fields["applicant_name"].Replaced);
    }

    [Fact]
    public async Task ReadChangesAfterAsync_ByteBound_StopsBeforeTheBoundButNeverReturnsNothing()
    {
        using var temp = new TempStore();
        var store = await temp.OpenAsync(new FakeTimeProvider(Start));
        for (var i = 0; i < 5; i++)
        {
            await store.WriteAsync(Guid.CreateVersion7(), RecordTypes.Dossier, "03006", Values(("applicant_name", $"\"{new string('x', 400)}{i}\"")));
        }

        var tight = await store.ReadChangesAfterAsync(0, 100, 1);
        var two = await store.ReadChangesAfterAsync(0, 100, 1200);
        var after = await store.ReadChangesAfterAsync(3, 100, 1 << 20);

        Assert.Single(tight);
        Assert.Equal(2, two.Count);
        Assert.Equal([4L, 5L], after.Select(e => e.OriginSeq));
    }

    [Fact]
    public async Task ApplyPulledAsync_OlderReplyAfterNewer_CursorDoesNotMoveBack()
    {
        using var temp = new TempStore();
        var store = await temp.OpenAsync(new FakeTimeProvider(Start));

        await store.ApplyPulledAsync([], 40);
        await store.ApplyPulledAsync([], 25);

        Assert.Equal(40, await store.ReadCursorAsync(MetaKeys.PullCursor));
    }

    [Fact]
    public async Task ApplyPulledAsync_OwnEntryClampedByTheHub_LocalCopyTakesTheHubsVersion()
    {
        using var temp = new TempStore();
        var time = new FakeTimeProvider(Start.AddDays(1));
        var store = await temp.OpenAsync(time);
        var id = Guid.CreateVersion7();
        await store.WriteAsync(id, RecordTypes.Dossier, "03006", Values(("applicant_name", "\"Sùng A Páo\"")));
        var pushed = Assert.Single(await store.ReadChangesAfterAsync(0, 10, 1 << 20));
        var clamped = ChangeEntryClamp.Clamp(pushed, Start.ToUnixTimeMilliseconds(), ClockPolicy.DefaultMaxAheadMs);

        await store.ApplyPulledAsync([new HubLogEntry(1, clamped)], 1);

        var record = await store.GetAsync(id);
        Assert.True(clamped.ClockClamped);
        Assert.Equal(clamped.Fields[0].Version, record!.Fields["applicant_name"].Version);
        Assert.DoesNotContain(record.Fields.Values, f => f.Version == pushed.Fields[0].Version);
        Assert.Empty(await store.ListConflictsAsync());
    }

    [Fact]
    public async Task AddAttachmentAsync_SameContentTwice_StoredOnceAndDamageOnDiskIsReportedNotSent()
    {
        using var temp = new TempStore();
        var store = await temp.OpenAsync(new FakeTimeProvider(Start));
        var blobs = new BlobStore(temp.Database);
        var content = new byte[5000];
        new Random(3).NextBytes(content);
        var sha = BlobStore.HashOf(content);
        var metadata = Values(("sha256", $"\"{sha}\""));

        await store.AddAttachmentAsync(Guid.CreateVersion7(), "03006", metadata, sha, "image/png", content);
        await store.AddAttachmentAsync(Guid.CreateVersion7(), "03006", metadata, sha, "image/png", content);

        Assert.Equal(1, await temp.ScalarAsync("SELECT COUNT(*) FROM blobs"));
        Assert.Equal(2, await temp.ScalarAsync("SELECT COUNT(*) FROM change_log"));
        Assert.Equal(content, await blobs.ReadAsync(sha));

        await temp.ExecuteAsync($"UPDATE blobs SET data = zeroblob(5000) WHERE sha256 = '{sha}'");
        await Assert.ThrowsAsync<InvalidDataException>(() => blobs.ReadAsync(sha));
    }
}
