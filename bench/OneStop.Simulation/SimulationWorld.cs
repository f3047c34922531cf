using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Merge;
using OneStop.Edge.Store;
using OneStop.Hub.Nodes;
using OneStop.Hub.Store;
using OneStop.Storage;

namespace OneStop.Simulation;

/// <summary>
/// One hub and its edge replicas in one process, driven step by step through the same store calls the
/// gRPC sync round makes (hello, push, pull), with a network that can drop, repeat and hold back messages.
/// Every operation checks what it can on the spot (acks, cursors, clocks); <see cref="ConvergenceCheck"/>
/// checks the end state after <see cref="HealAsync"/>.
/// </summary>
public sealed class SimulationWorld
{
    private readonly List<PendingMessage> _pending = [];
    private readonly List<LoggedWrite> _writes = [];

    private SimulationWorld(SimulationOptions options, SimTime time, HubNode hub, IReadOnlyList<Replica> replicas)
    {
        Options = options;
        Time = time;
        Hub = hub;
        Replicas = replicas;
    }

    public SimulationOptions Options { get; }

    public SimTime Time { get; }

    public HubNode Hub { get; }

    public IReadOnlyList<Replica> Replicas { get; }

    public Findings Findings { get; } = new();

    public SimulationStats Stats { get; } = new();

    /// <summary>Who saw which write: the oracle's source for concurrency, kept apart from the product's versions.</summary>
    public CausalHistory Causality { get; } = new();

    /// <summary>Every write a store acknowledged, in the order they were made.</summary>
    public IReadOnlyList<LoggedWrite> Writes => _writes;

    public IReadOnlyList<PendingMessage> Pending => _pending;

    public long Step { get; set; }

    public string Commune => Options.Commune;

    public static async Task<SimulationWorld> CreateAsync(SimulationOptions options, string directory, IReadOnlyList<long> skewsMs)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(skewsMs);
        Directory.CreateDirectory(directory);
        var time = new SimTime();
        var hub = await HubNode.OpenAsync(Path.Combine(directory, "hub.db"), new SimClock(time, 0), options.MaxAheadMs);
        var replicas = new List<Replica>(options.Replicas);
        for (var i = 0; i < options.Replicas; i++)
        {
            var skew = i < skewsMs.Count ? skewsMs[i] : 0;
            replicas.Add(await Replica.OpenAsync($"n{i}", Path.Combine(directory, $"n{i}.db"), new SimClock(time, skew)));
        }

        return new SimulationWorld(options, time, hub, replicas);
    }

    /// <summary>A local write on a replica; the log entry it made is recorded as acknowledged.</summary>
    public Task<ChangeEntry?> WriteAsync(Replica replica, Guid id, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(replica);
        return RecordLocalWriteAsync(replica, id, async () => await replica.Store.WriteAsync(id, RecordTypes.Dossier, Commune, values));
    }

    /// <summary>Staff settle a conflict on a replica (the edge's resolve endpoint); logged and checked like any write.</summary>
    public async Task<ChangeEntry?> ResolveAsync(Replica replica, OpenConflict conflict, string json)
    {
        ArgumentNullException.ThrowIfNull(replica);
        ArgumentNullException.ThrowIfNull(conflict);
        StoredRecord? resolved = null;
        var entry = await RecordLocalWriteAsync(replica, conflict.Conflict.RecordId, async () =>
            resolved = await replica.Store.ResolveConflictAsync(conflict.Id, json) ?? await replica.Store.GetAsync(conflict.Conflict.RecordId));
        return resolved is null ? null : entry;
    }

    private async Task<ChangeEntry?> RecordLocalWriteAsync(Replica replica, Guid id, Func<Task<StoredRecord?>> write)
    {
        var before = await replica.Store.GetAsync(id);
        var record = await write();
        var tail = await replica.Store.ReadChangesAfterAsync(replica.LastSeq, 2, int.MaxValue);
        CheckClock(replica);
        if (tail.Count == 0)
        {
            return null;
        }

        var entry = tail[0];
        Findings.Check(
            tail.Count == 1 && entry.OriginSeq == replica.LastSeq + 1 && entry.RecordId == id,
            () => $"step {Step}: {replica.NodeId} logged seqs [{string.Join(',', tail.Select(e => e.OriginSeq))}] for one write after seq {replica.LastSeq}");
        replica.LastSeq = entry.OriginSeq;
        CheckOwnWrite(replica.NodeId, before, record!, entry, replica.Persisted);
        replica.Persisted = replica.Store.Clock.Last;
        Causality.Wrote(replica.NodeId, entry);
        _writes.Add(new LoggedWrite(replica.NodeId, entry.OriginSeq, entry, Step));
        Stats.Writes++;
        return entry;
    }

    /// <summary>An admin's write at the hub (a resolution or a correction): logged like any change.</summary>
    public Task<ChangeEntry?> HubWriteAsync(Guid id, IReadOnlyDictionary<string, string?> values) =>
        RecordHubWriteAsync(id, async () => await Hub.Store.WriteAsHubAsync(id, RecordTypes.Dossier, Commune, values));

    /// <summary>An admin settles a conflict at the hub (the hub's resolve endpoint).</summary>
    public Task<ChangeEntry?> HubResolveAsync(OpenConflict conflict, string json)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return RecordHubWriteAsync(conflict.Conflict.RecordId, async () =>
            await Hub.Store.ResolveConflictAsync(conflict.Id, json) ?? await Hub.Store.GetAsync(conflict.Conflict.RecordId));
    }

    private async Task<ChangeEntry?> RecordHubWriteAsync(Guid id, Func<Task<StoredRecord?>> write)
    {
        var head = await Hub.Store.ReadLogHeadAsync();
        var before = await Hub.Store.GetAsync(id);
        var record = await write();
        var added = await Hub.Store.ReadLogAfterAsync(Commune, head, 10);
        CheckHubClock();
        if (added.Count != 1 || added[0].Change.OriginNode != HubNode.HubId)
        {
            Findings.Add($"step {Step}: a hub write added {added.Count} log entries");
            return null;
        }

        var entry = added[0].Change;
        CheckOwnWrite(HubNode.HubId, before, record!, entry, HlcTimestamp.Zero);
        Causality.Wrote(HubNode.HubId, entry);
        _writes.Add(new LoggedWrite(HubNode.HubId, entry.OriginSeq, entry, Step));
        Stats.HubWrites++;
        return entry;
    }

    /// <summary>
    /// One push as the sync round makes it: optionally a handshake (the hub's ack is the truth), then a
    /// batch after the acknowledged seq, which the network then delivers, loses, repeats or holds back.
    /// </summary>
    public async Task PushAsync(Replica replica, PushFate fate, bool hello, int maxEntries, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(replica);
        if (hello)
        {
            await HelloAsync(replica);
        }

        var acked = await replica.Store.ReadCursorAsync(MetaKeys.PushAcked);
        var batch = await replica.Store.ReadChangesAfterAsync(acked, maxEntries, maxBytes);
        if (batch.Count == 0)
        {
            return;
        }

        switch (fate)
        {
            case PushFate.Deliver:
                await ReplyAsync(replica, replica.Incarnation, await DeliverPushAsync(replica, batch));
                Stats.PushesDelivered++;
                break;
            case PushFate.DropRequest:
                Stats.PushRequestsDropped++;
                break;
            case PushFate.DropReply:
                await DeliverPushAsync(replica, batch);
                Stats.PushRepliesDropped++;
                break;
            case PushFate.Duplicate:
                await DeliverPushAsync(replica, batch);
                await ReplyAsync(replica, replica.Incarnation, await DeliverPushAsync(replica, batch));
                Stats.PushesDuplicated++;
                break;
            case PushFate.Delay:
                _pending.Add(new PendingPush(replica, replica.Incarnation, batch));
                Stats.PushesDelayed++;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fate));
        }
    }

    /// <summary>
    /// A batch that lost its first entry on the way: the hub must refuse it whole (gap) and store nothing.
    /// Returns false when the replica has fewer than two unacknowledged entries to build one from.
    /// </summary>
    public async Task<bool> PushWithGapAsync(Replica replica, int maxEntries)
    {
        ArgumentNullException.ThrowIfNull(replica);
        var hubAcked = await Hub.Store.ReadAckedAsync(replica.NodeId);
        var batch = await replica.Store.ReadChangesAfterAsync(hubAcked + 1, maxEntries, int.MaxValue);
        if (batch.Count == 0)
        {
            return false;
        }

        var head = await Hub.Store.ReadLogHeadAsync();
        var records = new Dictionary<Guid, StoredRecord?>();
        foreach (var id in batch.Select(entry => entry.RecordId).Distinct())
        {
            records[id] = await Hub.Store.GetAsync(id);
        }

        try
        {
            await Hub.Store.PushAsync(new NodeIdentity(replica.NodeId, Commune), batch);
            Findings.Add($"step {Step}: the hub accepted a batch from {replica.NodeId} starting at seq {batch[0].OriginSeq} after its ack {hubAcked}");
        }
        catch (PushRefusedException ex)
        {
            Findings.Check(ex.Reason == PushRefusal.Gap, () => $"step {Step}: a gap batch was refused as {ex.Reason}, not Gap");
        }

        Findings.Check(await Hub.Store.ReadLogHeadAsync() == head, () => $"step {Step}: a refused gap batch from {replica.NodeId} grew the hub log");
        Findings.Check(await Hub.Store.ReadAckedAsync(replica.NodeId) == hubAcked, () => $"step {Step}: a refused gap batch from {replica.NodeId} moved its ack");
        foreach (var (id, before) in records)
        {
            var after = await Hub.Store.GetAsync(id);
            Findings.Check(
                RecordComparison.Describe(before, after) is null,
                () => $"step {Step}: a refused gap batch from {replica.NodeId} changed record {id} at the hub: {RecordComparison.Describe(before, after)}");
        }

        Stats.GapBatchesRefused++;
        return true;
    }

    /// <summary>One pull reply: the hub log after the replica's cursor, then delivered, lost, repeated or held back.</summary>
    public async Task PullAsync(Replica replica, PullFate fate, int maxEntries)
    {
        ArgumentNullException.ThrowIfNull(replica);
        var cursor = await replica.Store.ReadCursorAsync(MetaKeys.PullCursor);

        // The page the hub's service would send: the same store call, own entries left out, cursor to resume.
        var page = await Hub.Store.ReadPullPageAsync(Commune, cursor, maxEntries, replica.NodeId, await replica.Store.ReadLastOwnSeqAsync(), replica.Store.Incarnation);
        var entries = page.Entries;
        var replyCursor = page.Cursor;
        switch (fate)
        {
            case PullFate.Deliver:
                await ApplyPullAsync(replica, entries, replyCursor);
                Stats.PullsDelivered++;
                break;
            case PullFate.Drop:
                Stats.PullsDropped++;
                break;
            case PullFate.Duplicate:
                await ApplyPullAsync(replica, entries, replyCursor);
                await ApplyPullAsync(replica, entries, replyCursor);
                Stats.PullsDuplicated++;
                break;
            case PullFate.Delay:
                _pending.Add(new PendingPull(replica, replica.Incarnation, entries, replyCursor));
                Stats.PullsDelayed++;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fate));
        }
    }

    /// <summary>Delivers a held-back message now, after newer ones. False (and kept) while its replica is cut off.</summary>
    public async Task<bool> DeliverPendingAsync(int index)
    {
        var message = _pending[index];
        if (message.Replica.IsPartitioned(Step))
        {
            return false;
        }

        _pending.RemoveAt(index);
        await DeliverAsync(message);
        return true;
    }

    public void Partition(Replica replica, long steps)
    {
        ArgumentNullException.ThrowIfNull(replica);
        replica.PartitionedUntil = Math.Max(replica.PartitionedUntil, Step + steps);
        Stats.Partitions++;
    }

    /// <summary>Crash and restart: a new store instance on the same file; a power cut may also reset the clock.</summary>
    public async Task RestartAsync(Replica replica, long? newSkewMs)
    {
        ArgumentNullException.ThrowIfNull(replica);
        if (newSkewMs is { } skew)
        {
            replica.Clock.SkewMs = skew;
            Stats.PowerCutClockResets++;
        }

        await replica.RestartAsync();
        Stats.Restarts++;
        var restored = replica.Store.Clock.Last;
        Findings.Check(
            restored >= replica.Persisted,
            () => $"step {Step}: {replica.NodeId} restarted with HLC {restored} below {replica.Persisted}, which it had written or applied");
        replica.LastReading = restored;
    }

    public async Task RestartHubAsync()
    {
        var before = Hub.Store.Clock.Last;
        await Hub.RestartAsync();
        var restored = Hub.Store.Clock.Last;
        Findings.Check(restored >= before, () => $"step {Step}: the hub restarted with HLC {restored} below {before}");
        Hub.LastReading = restored;
        Stats.HubRestarts++;
    }

    /// <summary>
    /// Ends every partition, lets the messages still in flight arrive late or never, then runs full sync
    /// rounds (push everything, then pull everything, for every replica) until a round moves nothing.
    /// </summary>
    public async Task HealAsync(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        foreach (var replica in Replicas)
        {
            replica.PartitionedUntil = 0;
        }

        while (_pending.Count > 0)
        {
            var index = random.Next(_pending.Count);
            var message = _pending[index];
            _pending.RemoveAt(index);
            if (random.Next(2) == 0)
            {
                await DeliverAsync(message);
            }
        }

        const int MaxRounds = 4;
        for (var round = 1; round <= MaxRounds; round++)
        {
            Stats.HealingRounds++;
            var head = await Hub.Store.ReadLogHeadAsync();
            foreach (var replica in Replicas)
            {
                await SyncPushAsync(replica);
            }

            foreach (var replica in Replicas)
            {
                await SyncPullAsync(replica);
            }

            if (round > 1 && await Hub.Store.ReadLogHeadAsync() == head)
            {
                break;
            }

            Findings.Check(round < MaxRounds, () => $"not quiescent after {MaxRounds} healing rounds");
        }

        var logHead = await Hub.Store.ReadLogHeadAsync();
        foreach (var replica in Replicas)
        {
            var backlog = await replica.Store.CountBacklogAsync();
            var cursor = await replica.Store.ReadCursorAsync(MetaKeys.PullCursor);
            Findings.Check(backlog == 0, () => $"after healing {replica.NodeId} still has {backlog} unacknowledged entries");
            Findings.Check(cursor == logHead, () => $"after healing {replica.NodeId} pulled to {cursor}, hub log head is {logHead}");
        }
    }

    /// <summary>A fault-free push of everything unacknowledged, as <c>SyncRound</c> does.</summary>
    public async Task SyncPushAsync(Replica replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        await HelloAsync(replica);
        while (true)
        {
            var acked = await replica.Store.ReadCursorAsync(MetaKeys.PushAcked);
            var batch = await replica.Store.ReadChangesAfterAsync(acked, 32, 256 * 1024);
            if (batch.Count == 0)
            {
                return;
            }

            var outcome = await DeliverPushAsync(replica, batch);
            if (outcome is null || outcome.AckedSeq <= acked)
            {
                Findings.Add($"step {Step}: the hub did not advance {replica.NodeId}'s ack past {acked}");
                return;
            }

            await replica.Store.WriteCursorAsync(MetaKeys.PushAcked, outcome.AckedSeq);
        }
    }

    /// <summary>A fault-free pull of everything after the replica's cursor.</summary>
    public async Task SyncPullAsync(Replica replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        while (true)
        {
            var cursor = await replica.Store.ReadCursorAsync(MetaKeys.PullCursor);
            var page = await Hub.Store.ReadPullPageAsync(Commune, cursor, 64, replica.NodeId, await replica.Store.ReadLastOwnSeqAsync(), replica.Store.Incarnation);
            await ApplyPullAsync(replica, page.Entries, page.Cursor);
            if (!page.More)
            {
                return;
            }
        }
    }

    private async Task HelloAsync(Replica replica)
    {
        var hubAcked = await Hub.Store.ReadAckedAsync(replica.NodeId);
        var local = await replica.Store.ReadCursorAsync(MetaKeys.PushAcked);
        Findings.Check(hubAcked >= local, () => $"step {Step}: {replica.NodeId} holds push ack {local}, beyond the hub's {hubAcked}");
        await replica.Store.WriteCursorAsync(MetaKeys.PushAcked, hubAcked);
    }

    private async Task DeliverAsync(PendingMessage message)
    {
        switch (message)
        {
            case PendingPush push:
                // The request reaches the hub; the reply reaches the node only if the connection that sent it lives.
                await ReplyAsync(push.Replica, push.Incarnation, await DeliverPushAsync(push.Replica, push.Batch));
                break;
            case PendingPull pull when pull.Incarnation == pull.Replica.Incarnation:
                await ApplyPullAsync(pull.Replica, pull.Entries, pull.Cursor);
                break;
            default:
                break;
        }
    }

    /// <summary>The hub's side of one push, with what the reply must say about it.</summary>
    private async Task<PushOutcome?> DeliverPushAsync(Replica replica, IReadOnlyList<ChangeEntry> batch)
    {
        var ackedBefore = await Hub.Store.ReadAckedAsync(replica.NodeId);
        var headBefore = await Hub.Store.ReadLogHeadAsync();
        PushOutcome outcome;
        try
        {
            outcome = await Hub.Store.PushAsync(new NodeIdentity(replica.NodeId, Commune), batch);
        }
        catch (PushRefusedException ex)
        {
            Findings.Add($"step {Step}: the hub refused a gap-free batch of {replica.NodeId} (seqs {batch[0].OriginSeq}..{batch[^1].OriginSeq}, hub ack {ackedBefore}): {ex.Reason} {ex.Message}");
            return null;
        }

        foreach (var entry in batch)
        {
            Causality.Merged(HubNode.HubId, entry);
        }

        var fresh = batch.Count(entry => entry.OriginSeq > ackedBefore);
        var head = await Hub.Store.ReadLogHeadAsync();
        var expectedAck = Math.Max(ackedBefore, batch.Max(entry => entry.OriginSeq));
        Findings.Check(
            outcome.Applied == fresh && outcome.Duplicates == batch.Count - fresh && outcome.AckedSeq == expectedAck && head == headBefore + fresh,
            () => $"step {Step}: push of {replica.NodeId} seqs {batch[0].OriginSeq}..{batch[^1].OriginSeq} over ack {ackedBefore}: outcome {outcome}, log {headBefore}->{head}; expected {fresh} applied, ack {expectedAck}");
        if (fresh > 0)
        {
            var added = await Hub.Store.ReadLogAfterAsync(Commune, headBefore, fresh);
            Stats.ClampedEntries += added.Count(entry => entry.Change.ClockClamped);
        }

        CheckHubClock();
        return outcome;
    }

    private async Task ReplyAsync(Replica replica, int incarnation, PushOutcome? outcome)
    {
        if (outcome is null || incarnation != replica.Incarnation || replica.IsPartitioned(Step))
        {
            return;
        }

        // A late reply can carry an older ack than the node holds; acks only move forward.
        var local = await replica.Store.ReadCursorAsync(MetaKeys.PushAcked);
        if (outcome.AckedSeq > local)
        {
            await replica.Store.WriteCursorAsync(MetaKeys.PushAcked, outcome.AckedSeq);
        }
    }

    private async Task ApplyPullAsync(Replica replica, IReadOnlyList<HubLogEntry> entries, long cursor)
    {
        var before = await replica.Store.ReadCursorAsync(MetaKeys.PullCursor);
        if (entries.Count > 0 && cursor < before)
        {
            Stats.StalePullsApplied++;
        }

        await replica.Store.ApplyPulledAsync(entries, cursor);
        foreach (var entry in entries)
        {
            Causality.Merged(replica.NodeId, entry.Change);
        }

        var after = await replica.Store.ReadCursorAsync(MetaKeys.PullCursor);
        Findings.Check(after >= before, () => $"step {Step}: bug: ApplyPulledAsync moved {replica.NodeId}'s pull cursor back from {before} to {after} (a late reply with cursor {cursor})");
        Findings.Check(after == Math.Max(before, cursor), () => $"step {Step}: {replica.NodeId}'s pull cursor is {after} after applying a reply with cursor {cursor} over {before}");
        CheckClock(replica);
        replica.Persisted = replica.Store.Clock.Last;
    }

    /// <summary>
    /// A write a store just made: each field's version is past every version the store held (the HLC saw
    /// them all) and past its own earlier writes, and the record it returned holds the write.
    /// </summary>
    private void CheckOwnWrite(string origin, StoredRecord? before, StoredRecord record, ChangeEntry entry, HlcTimestamp persisted)
    {
        var held = before?.Fields.Values.Select(field => field.Version).DefaultIfEmpty(HlcTimestamp.Zero).Max() ?? HlcTimestamp.Zero;
        foreach (var field in entry.Fields)
        {
            Findings.Check(
                field.Version > held && field.Version > persisted,
                () => $"step {Step}: {origin} wrote {field.Name} at {field.Version}, not past {held} held in the record nor {persisted} persisted: the HLC went backwards");
            Findings.Check(
                FieldHistory.Writes(record, field.Name).Any(write => WriteIdentity.SameWrite(write, field)),
                () => $"step {Step}: {origin}'s write of {field.Name} at {field.Version} is not in the record it returned");
        }
    }

    private void CheckClock(Replica replica)
    {
        var now = replica.Store.Clock.Last;
        Findings.Check(now >= replica.LastReading, () => $"step {Step}: {replica.NodeId}'s HLC went back from {replica.LastReading} to {now}");
        replica.LastReading = now;
    }

    private void CheckHubClock()
    {
        var now = Hub.Store.Clock.Last;
        Findings.Check(now >= Hub.LastReading, () => $"step {Step}: the hub's HLC went back from {Hub.LastReading} to {now}");
        Hub.LastReading = now;
    }
}
