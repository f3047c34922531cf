using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Repair;
using OneStop.Hub.Maintenance;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.Protocol.Mapping;
using OneStop.Protocol.V1;
using OneStop.Storage;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests;

/// <summary>The hub's side of restores: cursor marks, the restore command's new epoch, and repair's checks.</summary>
public sealed class RestoreAndRepairTests
{
    private const string GoneNode = "node-gone";

    [Fact]
    public async Task Pull_CursorNotFromThisLog_RepliesResetOnce_AndFleetViewCountsIt()
    {
        await using var hub = await StartAsync();
        using var a = hub.Client(NodeA, KeyA);
        await a.Sync.PushAsync(Changes.Push(NodeA, Changes.Dossier(NodeA, 1, CommuneA, "Lò Văn Hùng")));
        var (cursor, mark) = await PullToEndAsync(a, 0, string.Empty);

        var same = await PullRepliesAsync(a, cursor, mark);
        var otherEntry = await PullRepliesAsync(a, cursor, CursorMark.Of(CursorMark.EpochOf(mark), cursor, GoneNode, 1));
        var pastHead = await PullRepliesAsync(a, cursor + 5, string.Empty);

        Assert.False(same.Single().CursorReset);
        Assert.True(Assert.Single(otherEntry).CursorReset);
        Assert.Empty(otherEntry[0].Entries);
        Assert.True(Assert.Single(pastHead).CursorReset);
        using var http = hub.AdminHttp();
        var nodes = await http.GetFromJsonAsync<JsonElement>("/api/nodes");
        var nodeA = nodes.EnumerateArray().Single(n => n.GetProperty("nodeId").GetString() == NodeA);
        Assert.Equal(2, nodeA.GetProperty("resync").GetProperty("resets").GetInt64());
    }

    [Fact]
    public async Task Restore_BackupTakenWhileRunning_HoldsWhatWasBackedUp_AndNewEpochResetsEveryCursor()
    {
        var data = Directory.CreateTempSubdirectory("onestop-restore-").FullName;
        var backup = Path.Combine(data, "backups", "hub-backup.db");
        var settings = new Dictionary<string, string?> { ["Hub:DataDirectory"] = Path.Combine(data, "hub") };
        var before = Changes.Dossier(NodeA, 1, CommuneA, "Trước sao lưu");
        var after = Changes.Dossier(NodeA, 2, CommuneA, "Sau sao lưu");
        long cursor;
        string mark;
        await using (var hub = await StartAsync(settings))
        {
            using var a = hub.Client(NodeA, KeyA);
            await a.Sync.PushAsync(Changes.Push(NodeA, before));
            await HubBackup.BackupAsync(hub.Services.GetRequiredService<SqliteDatabase>(), backup);
            await a.Sync.PushAsync(Changes.Push(NodeA, after));
            (cursor, mark) = await PullToEndAsync(a, 0, string.Empty);
        }

        await HubBackup.RestoreAsync(backup, Path.Combine(data, "hub"));

        await using (var restored = await StartAsync(settings))
        {
            using var a = restored.Client(NodeA, KeyA);
            var replies = await PullRepliesAsync(a, cursor, mark);

            Assert.True(Assert.Single(replies).CursorReset);
            Assert.NotEqual(CursorMark.EpochOf(mark), CursorMark.EpochOf(replies[0].CursorMark));
            Assert.NotNull(await restored.Store.GetAsync(before.RecordId));
            Assert.Null(await restored.Store.GetAsync(after.RecordId));

            // The hub's acknowledgement went back with it, so the node re-pushes what the backup lacks.
            Assert.Equal(1, await restored.Store.ReadAckedAsync(NodeA));
        }

        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task RepairPush_WritesOfAGoneNode_LoggedOnceAsHubEntriesWithOriginalVersions_AndDigestsAgree()
    {
        await using var hub = await StartAsync();
        using var a = hub.Client(NodeA, KeyA);
        var gone = Changes.Dossier(GoneNode, 7, CommuneA, "Hồ sơ của máy đã hỏng");

        var first = await a.Sync.RepairPushAsync(Repair(NodeA, gone));
        var again = await a.Sync.RepairPushAsync(Repair(NodeA, gone));
        var (pulled, _) = await PullEntriesAsync(a);

        Assert.Equal((1, 2, 0), (first.RecordsApplied, first.WritesApplied, first.WritesRefused));
        Assert.Equal(0, again.WritesApplied);
        var entry = Assert.Single(pulled, e => e.RecordId == gone.RecordId);
        Assert.Equal("hub", entry.OriginNode);
        Assert.Equal(gone.Fields.Select(f => (f.Name, f.Version)).Order(), entry.Fields.Select(f => (f.Name, f.Version)).Order());

        // The node's copy (as it would hold it) and the hub's summarise the commune alike: nothing to repair.
        var nodeCopy = RecordMerge.Apply(null, gone).Record;
        var reply = await a.Sync.DigestAsync(Digest(NodeA, new DigestTree([RecordDigest.Leaf(nodeCopy)]).Root));
        Assert.Empty(reply.Differences);
    }

    [Fact]
    public async Task RepairPush_OtherCommuneOrReferenceData_RefusedWhole_OwnAndFutureWritesSkipped()
    {
        await using var hub = await StartAsync();
        using var a = hub.Client(NodeA, KeyA);
        var hello = await a.Sync.HelloAsync(new HelloRequest { NodeId = NodeA, CommuneCode = CommuneA });
        var otherCommune = Changes.Dossier(GoneNode, 1, CommuneB, "Xã khác");
        var reference = Changes.Dossier(GoneNode, 1, Scopes.Global, "Thủ tục giả") with { RecordType = RecordTypes.Procedure };
        var dayAhead = hello.HubWallMs + (long)TimeSpan.FromDays(1).TotalMilliseconds;
        var mixed = new Core.Changes.ChangeEntry(NodeA, 0, Guid.CreateVersion7(), RecordTypes.Dossier, CommuneA,
        [
            Write("applicant_name", GoneNode, hello.HubWallMs - 1000),
            Write("status", NodeA, hello.HubWallMs - 1000),
            Write("phone", GoneNode, dayAhead),
        ]);

        var scope = await Assert.ThrowsAsync<RpcException>(() => a.Sync.RepairPushAsync(Repair(NodeA, otherCommune)));
        var global = await Assert.ThrowsAsync<RpcException>(() => a.Sync.RepairPushAsync(Repair(NodeA, reference)));
        var outcome = await a.Sync.RepairPushAsync(Repair(NodeA, mixed));

        Assert.Equal(StatusCode.PermissionDenied, scope.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, global.StatusCode);
        Assert.Null(await hub.Store.GetAsync(otherCommune.RecordId));
        Assert.Equal((1, 2), (outcome.WritesApplied, outcome.WritesRefused));
        var held = await hub.Store.GetAsync(mixed.RecordId);
        Assert.Equal(["applicant_name"], held!.CurrentFields.Select(f => f.Name));
    }

    [Fact]
    public async Task RepairFetch_RecordOfAnotherCommune_LeftOut()
    {
        await using var hub = await StartAsync();
        using var a = hub.Client(NodeA, KeyA);
        using var b = hub.Client(NodeB, KeyB);
        var mine = Changes.Dossier(NodeA, 1, CommuneA, "Của xã A");
        var theirs = Changes.Dossier(NodeB, 1, CommuneB, "Của xã B");
        await a.Sync.PushAsync(Changes.Push(NodeA, mine));
        await b.Sync.PushAsync(Changes.Push(NodeB, theirs));

        var request = new RepairFetchRequest { NodeId = NodeA };
        request.RecordIds.Add(DigestMapper.IdToWire(mine.RecordId));
        request.RecordIds.Add(DigestMapper.IdToWire(theirs.RecordId));
        var reply = await a.Sync.RepairFetchAsync(request);

        Assert.Equal([mine.RecordId.ToString()], reply.Records.Select(r => r.RecordId));
    }

    private static Core.Changes.FieldChange Write(string field, string node, long wallMs) =>
        new(field, "\"x\"", false, new HlcTimestamp(wallMs, 0, node), HlcTimestamp.Zero);

    private static RepairPushRequest Repair(string nodeId, Core.Changes.ChangeEntry record)
    {
        var request = new RepairPushRequest { NodeId = nodeId };
        request.Records.Add(ChangeMapper.ToWire(record with { OriginNode = nodeId, OriginSeq = 0 }));
        return request;
    }

    private static DigestRequest Digest(string nodeId, Core.Repair.DigestRange range)
    {
        var request = new DigestRequest { NodeId = nodeId };
        request.Ranges.Add(DigestMapper.ToWire(range));
        return request;
    }

    private static async Task<List<PullReply>> PullRepliesAsync(NodeClient node, long after, string mark)
    {
        var replies = new List<PullReply>();
        await foreach (var reply in node.Sync.PullAsync(new PullRequest { NodeId = node.NodeId, AfterCursor = after, CursorMark = mark }))
        {
            replies.Add(reply);
        }

        return replies;
    }

    private static async Task<(long Cursor, string Mark)> PullToEndAsync(NodeClient node, long after, string mark)
    {
        var last = (await PullRepliesAsync(node, after, mark))[^1];
        return (last.Cursor, last.CursorMark);
    }

    private static async Task<(List<Core.Changes.ChangeEntry> Entries, string Mark)> PullEntriesAsync(NodeClient node)
    {
        var replies = await PullRepliesAsync(node, 0, string.Empty);
        var entries = new List<Core.Changes.ChangeEntry>();
        foreach (var wire in replies.SelectMany(r => r.Entries))
        {
            Assert.True(ChangeMapper.TryToDomain(wire.Change, out var change, out var error), error);
            entries.Add(change);
        }

        return (entries, replies[^1].CursorMark);
    }
}
