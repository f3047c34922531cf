using System.Security.Cryptography;
using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Repair;
using OneStop.Hub.Nodes;
using OneStop.Hub.Store;

namespace OneStop.Hub.Tests.Store;

/// <summary>
/// What every hub store engine must do, run against each (<see cref="SqliteHubStoreContractTests"/>,
/// <see cref="PostgresHubStoreContractTests"/>): the same calls, the same answers.
/// </summary>
public abstract class HubStoreContractTests : IAsyncLifetime
{
    protected const string CommuneA = "03006";
    protected const string CommuneB = "03445";
    private const long MaxAheadMs = 300_000;
    private static readonly NodeIdentity NodeA = new("node-a", CommuneA);
    private static readonly NodeIdentity NodeB = new("node-b", CommuneB);
    private static readonly NodeIdentity NodeC = new("node-c", CommuneA);

    private IHubDatabase? _database;

    /// <summary>A fresh, empty database of the engine under test.</summary>
    protected abstract Task<IHubDatabase> CreateDatabaseAsync();

    /// <summary>This test's database, once a store was opened on it.</summary>
    protected IHubDatabase Database => _database ?? throw new InvalidOperationException("no store opened yet");

    /// <summary>A copy of this test's database as a backup taken now and restored elsewhere would give (the engine's own tools).</summary>
    protected abstract Task<IHubDatabase> BackUpAndRestoreAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        if (_database is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    /// <summary>A store on this test's database (created on first use); a second call reopens the same data, as a restart does.</summary>
    protected async Task<HubStore> OpenStoreAsync()
    {
        _database ??= await CreateDatabaseAsync();
        var store = new HubStore(_database, "hub", TimeProvider.System, MaxAheadMs);
        await store.InitialiseAsync();
        return store;
    }

    protected static ChangeEntry Entry(NodeIdentity node, long seq, string applicant, Guid? id = null, long wallMs = 1_700_000_000_000, string? scope = null) =>
        new(node.NodeId, seq, id ?? Guid.CreateVersion7(), RecordTypes.Dossier, scope ?? node.CommuneCode,
        [
            FieldChange.Set("applicant_name", JsonSerializer.Serialize(applicant), new HlcTimestamp(wallMs, 0, node.NodeId), HlcTimestamp.Zero),
            FieldChange.Set("status", "\"received\"", new HlcTimestamp(wallMs, 0, node.NodeId), HlcTimestamp.Zero),
        ]);

    private static string? Text(string? json) => json is null ? null : JsonSerializer.Deserialize<string>(json);

    private static async Task<List<HubLogEntry>> PullAllAsync(HubStore store, string commune, long after = 0, int pageSize = 1000)
    {
        var all = new List<HubLogEntry>();
        PullPage page;
        do
        {
            page = await store.ReadPullPageAsync(commune, after, pageSize, string.Empty, 0, IncarnationPolicy.Legacy);
            all.AddRange(page.Entries);
            after = page.Cursor;
        }
        while (page.More);
        return all;
    }

    [SkippableFact]
    public async Task PushAsync_NewBatchThenTheSameAgain_AppliedOnceThenAllDuplicates()
    {
        var store = await OpenStoreAsync();
        var batch = new[] { Entry(NodeA, 1, "Lò Văn Hùng"), Entry(NodeA, 2, "Cầm Thị Hoa"), Entry(NodeA, 3, "Sùng A Páo") };

        var first = await store.PushAsync(NodeA, batch);
        var headAfterFirst = await store.ReadLogHeadAsync();
        var again = await store.PushAsync(NodeA, batch);

        Assert.Equal(new PushOutcome(3, 3, 0, 0), first);
        Assert.Equal(new PushOutcome(3, 0, 3, 0), again);
        Assert.Equal(3, headAfterFirst);
        Assert.Equal(headAfterFirst, await store.ReadLogHeadAsync());
        Assert.Equal(3, await store.ReadAckedAsync(NodeA.NodeId));
        var saved = await store.GetAsync(batch[1].RecordId);
        Assert.Equal("Cầm Thị Hoa", Text(saved!.Fields["applicant_name"].Json));
    }

    [SkippableFact]
    public async Task PushAsync_GapAfterAcknowledgement_RefusedAndNothingKept()
    {
        var store = await OpenStoreAsync();
        var skipped = Entry(NodeA, 2, "Lò Văn Hùng");

        var refusal = await Assert.ThrowsAsync<PushRefusedException>(() => store.PushAsync(NodeA, [skipped]));

        Assert.Equal(PushRefusal.Gap, refusal.Reason);
        Assert.Null(await store.GetAsync(skipped.RecordId));
        Assert.Equal(0, await store.ReadLogHeadAsync());
        Assert.Equal(0, await store.ReadAckedAsync(NodeA.NodeId));
    }

    [SkippableFact]
    public async Task PushAsync_RecordOfAnotherCommune_RefusedAsOutOfScope()
    {
        var store = await OpenStoreAsync();

        var refusal = await Assert.ThrowsAsync<PushRefusedException>(() => store.PushAsync(NodeA, [Entry(NodeA, 1, "Lò Văn Hùng", scope: CommuneB)]));

        Assert.Equal(PushRefusal.OutOfScope, refusal.Reason);
        Assert.Equal(0, await store.ReadLogHeadAsync());
    }

    [SkippableFact]
    public async Task ReadPullPageAsync_TwoCommunesAndGlobal_EachSeesItsCommuneAndGlobalInLogOrder()
    {
        var store = await OpenStoreAsync();
        var fromA = Entry(NodeA, 1, "Lò Văn Hùng");
        var fromB = Entry(NodeB, 1, "Cầm Thị Hoa");
        await store.PushAsync(NodeA, [fromA]);
        await store.PushAsync(NodeB, [fromB]);
        var procedure = await store.WriteAsHubAsync(Guid.CreateVersion7(), RecordTypes.Procedure, Scopes.Global, new Dictionary<string, string?> { ["name"] = "\"Đăng ký khai sinh\"" });

        var seenByA = await PullAllAsync(store, CommuneA);
        var seenByB = await PullAllAsync(store, CommuneB);

        Assert.Equal([fromA.RecordId, procedure.Id], seenByA.Select(e => e.Change.RecordId));
        Assert.Equal([fromB.RecordId, procedure.Id], seenByB.Select(e => e.Change.RecordId));
        Assert.Equal(seenByA.Select(e => e.HubSeq).Order(), seenByA.Select(e => e.HubSeq));
        var lastPage = await store.ReadPullPageAsync(CommuneA, seenByA[^1].HubSeq, 10, string.Empty, 0, IncarnationPolicy.Legacy);
        Assert.Empty(lastPage.Entries);
        Assert.Equal(await store.ReadLogHeadAsync(), lastPage.Cursor);
    }

    [SkippableFact]
    public async Task ReadPullPageAsync_SmallPages_ResumeFromEachCursorWithoutLossOrRepeat()
    {
        var store = await OpenStoreAsync();
        var entries = Enumerable.Range(1, 7).Select(seq => Entry(NodeA, seq, $"Người {seq}")).ToArray();
        await store.PushAsync(NodeA, entries);

        var paged = await PullAllAsync(store, CommuneA, pageSize: 3);

        Assert.Equal(entries.Select(e => e.RecordId), paged.Select(e => e.Change.RecordId));
    }

    [SkippableFact]
    public async Task PushAsync_SameFieldFromTwoNodesUnseen_ConflictListedThenResolvedByTheHub()
    {
        var store = await OpenStoreAsync();
        var id = Guid.CreateVersion7();
        await store.PushAsync(NodeA, [Entry(NodeA, 1, "Lò Văn Hùng", id)]);
        await store.PushAsync(NodeC, [Entry(NodeC, 1, "Lò Văn Hưng", id, wallMs: 1_700_000_000_500)]);

        var open = Assert.Single(await store.ListConflictsAsync(CommuneA), c => c.Conflict.Field == "applicant_name");
        var resolved = await store.ResolveConflictAsync(open.Id, "\"Lò Văn Hùng\"");

        Assert.Equal("Lò Văn Hưng", Text(open.Conflict.Winner.Json));
        Assert.NotNull(resolved);
        Assert.Equal("Lò Văn Hùng", Text((await store.GetAsync(id))!.Fields["applicant_name"].Json));
        Assert.DoesNotContain(await store.ListConflictsAsync(CommuneA), c => c.Conflict.Field == "applicant_name");
    }

    [SkippableFact]
    public async Task ResolveConflictAsync_SeveralAdminsAtOnce_OneResolvesOthersFindItGoneAndDataIntact()
    {
        var store = await OpenStoreAsync();
        var id = Guid.CreateVersion7();
        await store.PushAsync(NodeA, [Entry(NodeA, 1, "Lò Văn Hùng", id)]);
        await store.PushAsync(NodeC, [Entry(NodeC, 1, "Lò Văn Hưng", id, wallMs: 1_700_000_000_500)]);
        var open = Assert.Single(await store.ListConflictsAsync(CommuneA), c => c.Conflict.Field == "applicant_name");
        var before = (await store.GetAsync(id))!;

        // Each admin chose a different name: only one choice may stand, and only one resolution may be logged.
        var names = Enumerable.Range(0, 8).Select(i => $"Lò Văn Hùng {i}").ToList();
        var outcomes = await Task.WhenAll(names.Select(name => Task.Run(() => store.ResolveConflictAsync(open.Id, JsonSerializer.Serialize(name)))));

        var winner = Assert.Single(outcomes.Select((record, i) => (record, name: names[i])), o => o.record is not null);
        var after = (await store.GetAsync(id))!;
        Assert.Equal(winner.name, Text(after.Fields["applicant_name"].Json));
        Assert.Equal(before.Fields["status"], after.Fields["status"]);
        Assert.Single(await PullAllAsync(store, CommuneA), e => e.Change.OriginNode == "hub" && e.Change.RecordId == id);
        Assert.Equal(ConflictLookup.Gone, await store.FindConflictAsync(open.Id));
    }

    [SkippableFact]
    public async Task InitialiseAsync_Reopened_KeepsEpochLogAndAClockThatNeverGoesBack()
    {
        var first = await OpenStoreAsync();
        await first.WriteAsHubAsync(Guid.CreateVersion7(), RecordTypes.Procedure, Scopes.Global, new Dictionary<string, string?> { ["name"] = "\"A\"" });
        var last = first.Clock.Last;

        var second = await OpenStoreAsync();

        Assert.Equal(first.LogEpoch, second.LogEpoch);
        Assert.Equal(1, await second.ReadLogHeadAsync());
        Assert.True(second.Clock.Now().CompareTo(last) > 0, $"{second.Clock.Last} after {last}");
    }

    [SkippableFact]
    public async Task SeedAsync_RunTwice_LogsEachRecordOnce()
    {
        var store = await OpenStoreAsync();
        var seed = new[] { Entry(NodeA, 1, "Thủ tục 1", scope: Scopes.Global), Entry(NodeA, 2, "Thủ tục 2", scope: Scopes.Global) };

        await store.SeedAsync(seed);
        await store.SeedAsync(seed);

        var log = await PullAllAsync(store, CommuneB);
        Assert.Equal(seed.Select(e => e.RecordId), log.Select(e => e.Change.RecordId));
        Assert.All(log, e => Assert.Equal("hub", e.Change.OriginNode));
        Assert.Equal(2, await store.ReadAckedAsync("hub"));
    }

    [SkippableFact]
    public async Task RecordHelloAsync_ThenAPushError_FleetShowsBoth()
    {
        var store = await OpenStoreAsync();
        await store.PushAsync(NodeA, [Entry(NodeA, 1, "Lò Văn Hùng")]);

        await store.RecordHelloAsync(new NodeHello(NodeA.NodeId, 1_700_000_000_000, -1200, 17, "1.2.3", """{"printer":"ok"}"""));
        await store.RecordPushErrorAsync(NodeA.NodeId, "Gap: expected entry 2");

        var state = Assert.Single(await store.ListNodeStatesAsync());
        Assert.Equal(new NodeState(NodeA.NodeId, 1, 1_700_000_000_000, -1200, 17, "1.2.3", null, "Gap: expected entry 2"), state with { Devices = null, Incarnations = null, Resync = null });
        Assert.Equal("ok", state.Devices!.Value.GetProperty("printer").GetString());
    }

    [SkippableFact]
    public async Task CheckCursorAsync_CursorPastTheLogHead_TellsTheNodeToResetAndRecordsIt()
    {
        var store = await OpenStoreAsync();
        await store.PushAsync(NodeA, [Entry(NodeA, 1, "Lò Văn Hùng")]);

        var verdict = await store.CheckCursorAsync(NodeA.NodeId, 32, null);
        var valid = await store.CheckCursorAsync(NodeA.NodeId, 1, await store.ReadCursorMarkAsync(1));

        Assert.NotEqual(CursorVerdict.Valid, verdict);
        Assert.Equal(CursorVerdict.Valid, valid);
        Assert.Equal(1, (await store.ReadResyncsAsync())[NodeA.NodeId].Resets);
    }

    [SkippableFact]
    public async Task RepairFromNodeAsync_RecordTheHubLacks_MergedAndLoggedForTheOtherNodes()
    {
        var store = await OpenStoreAsync();
        var lost = Entry(new NodeIdentity("node-gone", CommuneA), 9, "Hà Thị Mai");

        var outcome = await store.RepairFromNodeAsync(NodeA, [lost]);
        var again = await store.RepairFromNodeAsync(NodeA, [lost]);

        Assert.Equal(new RepairOutcome(1, 2, 0), outcome);
        Assert.Equal(new RepairOutcome(0, 0, 0), again);
        var pulled = Assert.Single(await PullAllAsync(store, CommuneA));
        Assert.Equal(lost.RecordId, pulled.Change.RecordId);
        Assert.Equal(lost.Fields.Select(f => f.Version), pulled.Change.Fields.Select(f => f.Version));
        var nodeSide = new DigestTree([RecordDigest.Leaf(Assert.IsType<StoredRecord>(await store.GetAsync(lost.RecordId)))]);
        Assert.Empty(await store.DigestAsync(NodeA, [nodeSide.Root]));
    }

    /// <summary>
    /// Issue 22 at the store: the hub is restored from a backup that lacks a node's latest entries. The restored
    /// log gets a new epoch, so the node's cursor from the lost log is refused (it re-pulls from 0), and the node
    /// pushes again from the restored acknowledgement, nothing doubled.
    /// </summary>
    [SkippableFact]
    public async Task StartNewEpochAsync_HubRestoredFromBackup_OldCursorsResetAndTheNodeRepushesWhatWasLost()
    {
        var store = await OpenStoreAsync();
        var entries = Enumerable.Range(1, 6).Select(seq => Entry(NodeA, seq, $"Người {seq}")).ToArray();
        await store.PushAsync(NodeA, entries[..3]);
        var restoredDatabase = await BackUpAndRestoreAsync();
        await store.PushAsync(NodeA, entries[3..]);
        var mark = await store.ReadCursorMarkAsync(6);

        await HubStore.StartNewEpochAsync(restoredDatabase);
        var restored = new HubStore(restoredDatabase, "hub", TimeProvider.System, MaxAheadMs);
        await restored.InitialiseAsync();
        var verdict = await restored.CheckCursorAsync(NodeA.NodeId, 6, mark);
        var inRange = await restored.CheckCursorAsync(NodeA.NodeId, 2, await store.ReadCursorMarkAsync(2));
        var acked = await restored.ReadAckedAsync(NodeA.NodeId);
        var repushed = await restored.PushAsync(NodeA, entries[(int)acked..]);

        Assert.NotEqual(store.LogEpoch, restored.LogEpoch);
        Assert.NotEqual(CursorVerdict.Valid, verdict);
        Assert.NotEqual(CursorVerdict.Valid, inRange);
        Assert.Equal(3, acked);
        Assert.Equal(new PushOutcome(6, 3, 0, 0), repushed);
        Assert.Equal(entries.Select(e => e.RecordId), (await PullAllAsync(restored, CommuneA)).Select(e => e.Change.RecordId));
        if (restoredDatabase is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task AttachmentStore_BlobInTwoChunks_CompleteAndReadBackWhole()
    {
        _ = await OpenStoreAsync();
        var attachments = new AttachmentStore(_database!, 1024);
        var blob = RandomNumberGenerator.GetBytes(300);
        var sha = Convert.ToHexStringLower(SHA256.HashData(blob));

        await attachments.AppendAsync(sha, blob.Length, 0, blob.AsMemory(0, 100), "image/jpeg");
        var state = await attachments.AppendAsync(sha, blob.Length, 100, blob.AsMemory(100), "image/jpeg");

        Assert.True(state.Complete);
        Assert.Equal(blob, await attachments.ReadCompleteAsync(sha));
    }

    /// <summary>
    /// Many nodes push at once while a node pulls: every entry of its commune reaches the puller exactly once.
    /// Where writers commit in parallel, a log position given at insert lets a cursor pass an entry that commits
    /// later with a lower position; this catches it.
    /// </summary>
    [SkippableFact]
    public async Task ReadPullPageAsync_WhileManyNodesPushInParallel_NoCursorSkipsAnEntry()
    {
        const int Writers = 12, Batches = 15, PerBatch = 4;
        var store = await OpenStoreAsync();
        var nodes = Enumerable.Range(0, Writers).Select(i => new NodeIdentity($"node-{i:00}", CommuneA)).ToList();
        using var done = new CancellationTokenSource();
        var seen = new List<HubLogEntry>();
        var reader = Task.Run(async () =>
        {
            long cursor = 0;
            while (true)
            {
                var finished = done.IsCancellationRequested;
                PullPage page;
                do
                {
                    page = await store.ReadPullPageAsync(CommuneA, cursor, 50, string.Empty, 0, IncarnationPolicy.Legacy);
                    seen.AddRange(page.Entries);
                    cursor = page.Cursor;
                }
                while (page.More);

                if (finished)
                {
                    return;
                }
            }
        });

        await Task.WhenAll(nodes.Select(node => Task.Run(async () =>
        {
            for (var batch = 0; batch < Batches; batch++)
            {
                var entries = Enumerable.Range(1, PerBatch).Select(i => Entry(node, (batch * PerBatch) + i, $"{node.NodeId} {batch} {i}")).ToList();
                await store.PushAsync(node, entries);
            }
        })));
        await done.CancelAsync();
        await reader.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(Writers * Batches * PerBatch, seen.Count);
        Assert.Equal(seen.Count, seen.Select(e => e.Change.RecordId).Distinct().Count());
        Assert.Equal(await store.ReadLogHeadAsync(), seen.Max(e => e.HubSeq));
    }

    [SkippableFact]
    public async Task FindDossiersByPublicCodeAsync_CodeTwoCommunesDrewAlike_FindsBothAndNothingElse()
    {
        var store = await OpenStoreAsync();
        var inA = await DossierAsync(store, CommuneA, new() { ["public_code"] = "\"Z9Z9Z9Z9Z9Z9\"" });
        var inB = await DossierAsync(store, CommuneB, new() { ["public_code"] = "\"Z9Z9Z9Z9Z9Z9\"" });
        await DossierAsync(store, CommuneA, new() { ["public_code"] = "\"Z9Z9Z9Z9Z9Z8\"" });

        var found = await store.FindDossiersByPublicCodeAsync("Z9Z9Z9Z9Z9Z9", 5);

        Assert.Equal(new[] { inA, inB }.Order(), found.Order());
        Assert.Empty(await store.FindDossiersByPublicCodeAsync("Z9Z9Z9Z9Z9Z7", 5));
    }

    [SkippableFact]
    public async Task CountOnlineFilingsAsync_OnePersonsFilingsAroundAVietnamDay_CountsThatDayOnly()
    {
        var store = await OpenStoreAsync();
        // The Vietnam day 2026-12-01 is [2026-11-30T17:00Z, 2026-12-01T17:00Z).
        var from = new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero);
        foreach (var (cccd, at) in new[]
        {
            ("002078990001", from.AddMinutes(-1)),
            ("002078990001", from),
            ("002078990001", from.AddHours(23)),
            ("002078990001", from.AddDays(1)),
            ("002088990003", from.AddHours(2)),
        })
        {
            await DossierAsync(store, CommuneA, new()
            {
                ["online_filer_cccd"] = JsonSerializer.Serialize(cccd),
                ["created_at"] = JsonSerializer.Serialize(at.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            });
        }

        Assert.Equal(2, await store.CountOnlineFilingsAsync("002078990001", from, from.AddDays(1)));
        Assert.Equal(1, await store.CountOnlineFilingsAsync("002088990003", from, from.AddDays(1)));
        Assert.Equal(0, await store.CountOnlineFilingsAsync("002099990009", from, from.AddDays(1)));
    }

    private static async Task<Guid> DossierAsync(HubStore store, string commune, Dictionary<string, string?> values)
    {
        var id = Guid.CreateVersion7();
        values["status"] = "\"draft\"";
        await store.WriteAsHubAsync(id, RecordTypes.Dossier, commune, values);
        return id;
    }

    [SkippableFact]
    public async Task PushInTurnAsync_LaterBatchStartedFirst_WaitsAndBothApplyInSeqOrder()
    {
        var store = await OpenStoreAsync();
        ChangeEntry[] first = [Entry(NodeA, 1, "Lò Văn Hùng"), Entry(NodeA, 2, "Cầm Thị Hoa")];
        ChangeEntry[] second = [Entry(NodeA, 3, "Hà Thị Mai"), Entry(NodeA, 4, "Vì Văn Sơn")];

        // As pipelined batches can reach the hub: the second one first. Alone, PushAsync refuses it as a gap.
        var later = store.PushInTurnAsync(NodeA, IncarnationPolicy.Legacy, second, TimeSpan.FromMinutes(2));
        var earlier = store.PushInTurnAsync(NodeA, IncarnationPolicy.Legacy, first, TimeSpan.FromMinutes(2));
        var outcomes = await Task.WhenAll(earlier, later);

        Assert.Equal([2L, 4L], outcomes.Select(o => o.AckedSeq));
        Assert.Equal(4, await store.ReadAckedAsync(NodeA.NodeId));
        var logged = await PullAllAsync(store, CommuneA);
        Assert.Equal([1L, 2L, 3L, 4L], logged.Select(e => e.Change.OriginSeq));
    }

    [SkippableFact]
    public async Task PushAsync_BatchChangingRecordsTwiceAcrossStatements_StoresWhatMergingEachChangeInTurnGives()
    {
        var store = await OpenStoreAsync();
        var ids = Enumerable.Range(0, 300).Select(_ => Guid.CreateVersion7()).ToArray();

        // One batch longer than one statement holds, creating each record then changing it again; then the commune's
        // other node writes the same field unseen (a conflict per record) in a batch that also changes records twice.
        var fromA = ids.Select((id, i) => Entry(NodeA, i + 1, $"Lò Văn {i}", id))
            .Concat(ids.Select((id, i) => Entry(NodeA, 301 + i, $"Lò Thị {i}", id, wallMs: 1_700_000_001_000))).ToArray();
        var fromC = ids.Take(260).Select((id, i) => Entry(NodeC, i + 1, $"Cầm Văn {i}", id, wallMs: 1_700_000_000_500))
            .Concat(ids.Take(20).Select((id, i) => Entry(NodeC, 261 + i, $"Cầm Thị {i}", id, wallMs: 1_700_000_002_000))).ToArray();
        var outcomeA = await store.PushAsync(NodeA, fromA);
        var outcomeC = await store.PushAsync(NodeC, fromC);

        // The expected state comes from the core merge alone, one change at a time, no database.
        var expected = new Dictionary<Guid, StoredRecord?>();
        var expectedConflicts = new List<int>();
        foreach (var batch in new[] { fromA, fromC })
        {
            var conflicts = 0;
            foreach (var change in batch)
            {
                var result = RecordMerge.Apply(expected.GetValueOrDefault(change.RecordId), change);
                expected[change.RecordId] = result.Record;
                conflicts += result.Conflicts.Count;
            }

            expectedConflicts.Add(conflicts);
        }

        Assert.Equal(new PushOutcome(600, 600, 0, expectedConflicts[0]), outcomeA);
        Assert.Equal(new PushOutcome(280, 280, 0, expectedConflicts[1]), outcomeC);
        Assert.True(expectedConflicts[1] > 0, "the second batch should meet the first one's writes as conflicts");
        foreach (var id in ids)
        {
            var saved = await store.GetAsync(id);
            Assert.NotNull(saved);
            Assert.Equal(expected[id]!.Fields.OrderBy(f => f.Key, StringComparer.Ordinal), saved.Fields.OrderBy(f => f.Key, StringComparer.Ordinal));
        }

        var logged = await PullAllAsync(store, CommuneA);
        Assert.Equal(fromA.Concat(fromC).Select(e => (e.OriginNode, e.OriginSeq)), logged.Select(e => (e.Change.OriginNode, e.Change.OriginSeq)));
    }
}
