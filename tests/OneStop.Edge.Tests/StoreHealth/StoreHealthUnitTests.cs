using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Changes;
using OneStop.Edge.Store;
using OneStop.Edge.StoreHealth;

namespace OneStop.Edge.Tests.StoreHealth;

public sealed class StoreHealthUnitTests
{
    [Fact]
    public void Classify_SqliteFullAndEnospc_AreFull_CorruptAndNotADatabase_AreCorrupt()
    {
        Assert.Equal(StoreProblem.Full, StoreFailures.Classify(new SqliteException("database or disk is full", 13)));
        Assert.Equal(StoreProblem.Full, StoreFailures.Classify(new IOException("No space left on device", 28)));
        Assert.Equal(StoreProblem.Corrupt, StoreFailures.Classify(new SqliteException("database disk image is malformed", 11)));
        Assert.Equal(StoreProblem.Corrupt, StoreFailures.Classify(new InvalidOperationException("wrapped", new SqliteException("file is not a database", 26))));
        Assert.Null(StoreFailures.Classify(new SqliteException("constraint failed", 19)));
        Assert.Null(StoreFailures.Classify(new IOException("Connection reset", 104)));
    }

    [Fact]
    public void DeviceOf_DataFolderUnderTwoMounts_TakesTheLongestMountPoint()
    {
        const string Mountinfo = """
            26 1 179:2 / / rw,relatime - ext4 /dev/mmcblk0p2 rw
            30 26 179:1 / /boot/firmware rw,relatime - vfat /dev/mmcblk0p1 rw
            31 26 8:1 / /var/lib/onestop rw,relatime - ext4 /dev/sda1 rw
            32 26 0:40 / /var/lib/onestop-cache rw - tmpfs tmpfs rw
            """;

        Assert.Equal((8, 1), DiskReadings.DeviceOf(Mountinfo, "/var/lib/onestop/edge"));
        Assert.Equal((179, 2), DiskReadings.DeviceOf(Mountinfo, "/home/pi/data/edge"));
        Assert.Equal((0, 40), DiskReadings.DeviceOf(Mountinfo, "/var/lib/onestop-cache"));
    }

    [Fact]
    public void SectorsWritten_DiskstatsLine_TenthColumn()
    {
        const string Diskstats = """
             179       0 mmcblk0 5000 10 400000 900 7000 300 1200000 5000 0 4000 6000 0 0 0 0
             179       2 mmcblk0p2 4800 10 390000 880 6900 300 1180000 4900 0 3900 5800 0 0 0 0
            """;

        Assert.Equal(("mmcblk0p2", 1_180_000L), DiskReadings.SectorsWritten(Diskstats, 179, 2));
        Assert.Null(DiskReadings.SectorsWritten(Diskstats, 8, 0));
    }

    [Theory]
    [InlineData(5L << 30, 32L << 30, StoreSpace.Ok)]
    [InlineData(900L << 20, 32L << 30, StoreSpace.Low)]
    [InlineData(2L << 30, 32L << 30, StoreSpace.Low)]
    [InlineData(50L << 20, 32L << 30, StoreSpace.Full)]
    public void SpaceLevels_DefaultThresholds(long free, long total, StoreSpace expected) =>
        // 2 GiB of 32 GiB is 6.25 %, under the 10 % warning share.
        Assert.Equal(expected, SpaceLevels.Of(free, total, new StoreHealthOptions()));

    [Fact]
    public async Task WriteAsync_StoreKnownDamaged_RefusedAndNothingWritten()
    {
        using var temp = new TempStore();
        var health = new StoreHealthState();
        var store = new EdgeStore(temp.Database, temp.NodeId) { BeforeWrite = health.ThrowIfWritesRefused };
        await store.InitialiseAsync(new FakeTimeProvider(DamagedFiles.Start));
        health.Noticed(StoreProblem.Corrupt, "On tree page 140 cell 1: invalid page number", DamagedFiles.Start);

        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            store.WriteAsync(Guid.CreateVersion7(), RecordTypes.Dossier, "03006", new Dictionary<string, string?> { ["status"] = "\"received\"" }));

        Assert.Equal(StoreProblem.Corrupt, refused.Problem);
        Assert.Equal(0, await temp.ScalarAsync("SELECT COUNT(*) FROM change_log"));
        Assert.Equal(StoreIntegrity.Corrupt.ToString().ToLowerInvariant(), health.ToDeviceHealth().Details["integrity"]);
    }

    [Fact]
    public async Task Housekeeping_FreesOnlyContentTheHubConfirmedLongEnoughAgo()
    {
        using var temp = new TempStore();
        var time = new FakeTimeProvider(DamagedFiles.Start);
        var store = await temp.OpenAsync(time);
        var blobs = new BlobStore(temp.Database, time);
        var old = await AttachAsync(store, 1);
        var recent = await AttachAsync(store, 2);
        var pending = await AttachAsync(store, 3);
        await blobs.MarkUploadedAsync(old);
        time.AdjustTime(DamagedFiles.Start.AddDays(100));
        await blobs.MarkUploadedAsync(recent);
        var housekeeping = new BlobHousekeeping(temp.Database, Options.Create(new StoreHealthOptions { ReleaseUploadedAfterDays = 90 }), time);

        var result = await housekeeping.RunAsync();

        // The bytes freed on the card: the content and its sealing (magic, nonce, tag).
        Assert.Equal(new HousekeepingResult(1, 4096 + OneStop.Core.Privacy.PersonalDataCipher.ContentOverhead), result);
        Assert.Null(await blobs.ReadAsync(old));
        Assert.NotNull(await blobs.ReadAsync(recent));
        Assert.NotNull(await blobs.ReadAsync(pending));
        Assert.Equal([pending], (await blobs.ListPendingAsync()).Select(p => p.Sha256));
        Assert.Equal(new HousekeepingResult(0, 0), await housekeeping.RunAsync());
    }

    private static async Task<string> AttachAsync(EdgeStore store, byte fill)
    {
        var content = Enumerable.Repeat(fill, 4096).ToArray();
        var sha = BlobStore.HashOf(content);
        await store.AddAttachmentAsync(Guid.CreateVersion7(), "03006", new Dictionary<string, string?> { ["sha256"] = $"\"{sha}\"" }, sha, "image/jpeg", content);
        return sha;
    }
}
