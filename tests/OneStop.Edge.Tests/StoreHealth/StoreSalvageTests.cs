using Microsoft.Extensions.Time.Testing;
using OneStop.Edge.Store;
using OneStop.Edge.StoreHealth;
using OneStop.Storage;

namespace OneStop.Edge.Tests.StoreHealth;

/// <summary>Salvage of real edge stores whose files were damaged the way SD cards damage them.</summary>
public sealed class StoreSalvageTests
{
    private const int Dossiers = 200;

    [Fact]
    public async Task Salvage_RecordPagesOverwritten_EveryDossierRebuiltFromTheLog()
    {
        using var temp = new TempStore();
        var filed = await DamagedFiles.FileDossiersAsync(await temp.OpenAsync(new FakeTimeProvider(DamagedFiles.Start)), Dossiers);
        var path = temp.Database.Path;
        await SqliteDamage.CheckpointAsync(path);
        var leaves = await SqliteDamage.LeafPagesOfAsync(path, "records");
        Assert.True(leaves.Count >= 10, $"only {leaves.Count} record leaf pages");
        SqliteDamage.OverwritePages(path, [leaves[2], leaves[leaves.Count / 2], leaves[^3]], seed: 1);
        Assert.True((await StoreChecks.QuickCheckAsync(path, TimeSpan.FromMinutes(1))).FoundDamage);

        var fresh = path + ".fresh";
        var report = await StoreSalvage.SalvageAsync(path, fresh, temp.NodeId);

        Assert.True((await StoreChecks.IntegrityCheckAsync(fresh, TimeSpan.FromMinutes(1))).Ok);
        Assert.True(report.RecordsRebuiltFromLog > 0, "the damaged pages held no dossier rows");
        Assert.Equal(filed, await DamagedFiles.DossiersInAsync(fresh));
        Assert.Equal(Dossiers, report.LogEntriesKept);
    }

    [Fact]
    public async Task Salvage_PagesInTheMiddleOverwritten_KeepsReadableRowsOnlyAsTheyWere_AndStartsANewIncarnation()
    {
        using var temp = new TempStore();
        var store = await temp.OpenAsync(new FakeTimeProvider(DamagedFiles.Start));
        var filed = await DamagedFiles.FileDossiersAsync(store, Dossiers);
        await store.WriteCursorAsync(MetaKeys.PushAcked, Dossiers);
        await store.WriteCursorAsync(MetaKeys.PullCursor, 42);
        var clockBefore = store.Clock.Last;
        var path = temp.Database.Path;
        await SqliteDamage.CheckpointAsync(path);
        var pages = new FileInfo(path).Length / 4096;
        SqliteDamage.OverwritePages(path, [pages * 3 / 10, pages * 45 / 100, pages * 6 / 10, pages * 75 / 100], seed: 2);

        var fresh = path + ".fresh";
        var report = await StoreSalvage.SalvageAsync(path, fresh, temp.NodeId);

        Assert.True((await StoreChecks.IntegrityCheckAsync(fresh, TimeSpan.FromMinutes(1))).Ok);
        var kept = await DamagedFiles.DossiersInAsync(fresh);
        Assert.NotEmpty(kept);
        Assert.All(kept, dossier => Assert.Equal(filed[dossier.Key], dossier.Value));
        // Lost pages cost log entries too; the kept ones are renumbered 1..n without a gap.
        var seqs = await DamagedFiles.ColumnAsync(fresh, "SELECT seq FROM change_log ORDER BY seq");
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (object?)(long)i), seqs);
        Assert.Equal(report.LogEntriesKept, seqs.Count);
        var entries = await DamagedFiles.ColumnAsync(fresh, "SELECT entry FROM change_log ORDER BY seq");
        Assert.Equal(seqs, entries.Select(e => (object?)ChangeCodec.DecodeEntry((string)e!).OriginSeq));
        var meta = await DamagedFiles.ColumnAsync(fresh, "SELECT key FROM meta ORDER BY key");
        Assert.Contains(MetaKeys.Incarnation, meta);
        Assert.DoesNotContain(MetaKeys.PushAcked, meta);
        Assert.DoesNotContain(MetaKeys.PullCursor, meta);
        var clock = await DamagedFiles.ColumnAsync(fresh, $"SELECT value FROM meta WHERE key = '{MetaKeys.Clock}'");
        Assert.True(HlcText.Parse((string)clock.Single()!) >= clockBefore);
    }

    [Fact]
    public async Task Salvage_HeaderOverwritten_RepairsItAndKeepsEverything()
    {
        using var temp = new TempStore();
        var filed = await DamagedFiles.FileDossiersAsync(await temp.OpenAsync(new FakeTimeProvider(DamagedFiles.Start)), Dossiers);
        var path = temp.Database.Path;
        await SqliteDamage.CheckpointAsync(path);
        SqliteDamage.OverwriteBytes(path, 0, 100, seed: 3);
        Assert.NotNull(StoreChecks.CheckHeader(path));

        var fresh = path + ".fresh";
        var report = await StoreSalvage.SalvageAsync(path, fresh, temp.NodeId);

        Assert.True(report.HeaderRepaired);
        Assert.True((await StoreChecks.IntegrityCheckAsync(fresh, TimeSpan.FromMinutes(1))).Ok);
        Assert.Equal(filed, await DamagedFiles.DossiersInAsync(fresh));
    }

    [Fact]
    public async Task SwapIn_DamagedFileKeptAsideWithItsWal_SalvagedFileLive()
    {
        using var temp = new TempStore();
        await DamagedFiles.FileDossiersAsync(await temp.OpenAsync(new FakeTimeProvider(DamagedFiles.Start)), 5);
        var path = temp.Database.Path;
        await SqliteDamage.CheckpointAsync(path);
        var damagedBytes = await File.ReadAllBytesAsync(path);
        var fresh = path + ".fresh";
        await StoreSalvage.SalvageAsync(path, fresh, temp.NodeId);
        var freshBytes = await File.ReadAllBytesAsync(fresh);

        var kept = StoreSwap.SwapIn(path, fresh, DamagedFiles.Start);

        Assert.Equal(damagedBytes, await File.ReadAllBytesAsync(kept));
        Assert.Equal(freshBytes, await File.ReadAllBytesAsync(path));
        Assert.Contains("20261120T020000Z", kept, StringComparison.Ordinal);
        Assert.False(File.Exists(fresh));
    }
}
