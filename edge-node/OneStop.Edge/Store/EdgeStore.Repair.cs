using System.Globalization;
using OneStop.Core.Changes;
using OneStop.Core.Merge;
using OneStop.Storage;

namespace OneStop.Edge.Store;

/// <summary>
/// The node's side of the hub-restore story: the pull cursor's fingerprint, resetting the cursor when the hub
/// says it is not from its log, and what repair reads and merges. See docs/sync.md, "Restores and repair".
/// </summary>
public sealed partial class EdgeStore
{
    /// <summary>The hub's fingerprint of its log at the pull cursor; empty before the first pull that carried one.</summary>
    public async Task<string> ReadPullMarkAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await MetaTable.ReadAsync(connection, null, RepairMetaKeys.PullMark, cancellationToken) ?? string.Empty;
    }

    /// <summary>
    /// The hub's log is not the one the cursor came from: pull everything again from 0 (merging is idempotent, so
    /// what the node holds already is a no-op) and repair afterwards, to give the hub what only this node holds.
    /// </summary>
    public async Task ResetPullCursorAsync(string reason, long nowMs, CancellationToken cancellationToken = default)
    {
        await _writer.WriteSqliteAsync(async (connection, transaction) =>
        {
            await MetaTable.WriteAsync(connection, transaction, MetaKeys.PullCursor, "0", cancellationToken);
            await MetaTable.WriteAsync(connection, transaction, RepairMetaKeys.PullMark, string.Empty, cancellationToken);
            await MetaTable.WriteAsync(connection, transaction, RepairMetaKeys.RepairPending, "1", cancellationToken);
            await MetaTable.WriteAsync(connection, transaction, RepairMetaKeys.ResyncAtMs, nowMs.ToString(CultureInfo.InvariantCulture), cancellationToken);
            await MetaTable.WriteAsync(connection, transaction, RepairMetaKeys.ResyncReason, reason, cancellationToken);
            return reason;
        }, null, cancellationToken);
    }

    /// <summary>Asks for a repair after the next sync round, as a cursor reset does.</summary>
    public Task RequestRepairAsync(CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(
            async (connection, transaction) =>
            {
                await MetaTable.WriteAsync(connection, transaction, RepairMetaKeys.RepairPending, "1", cancellationToken);
                return true;
            },
            clock: null,
            cancellationToken,
            WriteLane.Background);

    /// <summary>Re-sync and repair bookkeeping, for the status and for deciding whether a repair is due.</summary>
    public async Task<RepairState> ReadRepairStateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        async Task<string?> Read(string key) => await MetaTable.ReadAsync(connection, null, key, cancellationToken);
        static long? Number(string? text) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
        return new RepairState(
            await Read(RepairMetaKeys.RepairPending) == "1",
            Number(await Read(RepairMetaKeys.ResyncAtMs)),
            await Read(RepairMetaKeys.ResyncReason),
            Number(await Read(RepairMetaKeys.RepairAtMs)),
            Number(await Read(RepairMetaKeys.RepairSent)) ?? 0,
            Number(await Read(RepairMetaKeys.RepairFetched)) ?? 0);
    }

    /// <summary>Notes a finished repair and what it moved; a re-sync waiting for its repair is done.</summary>
    public Task WriteRepairDoneAsync(long nowMs, int sent, int fetched, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(
            async (connection, transaction) =>
            {
                await MetaTable.WriteAsync(connection, transaction, RepairMetaKeys.RepairPending, "0", cancellationToken);
                await MetaTable.WriteAsync(connection, transaction, RepairMetaKeys.RepairAtMs, nowMs.ToString(CultureInfo.InvariantCulture), cancellationToken);
                await MetaTable.WriteAsync(connection, transaction, RepairMetaKeys.RepairSent, sent.ToString(CultureInfo.InvariantCulture), cancellationToken);
                await MetaTable.WriteAsync(connection, transaction, RepairMetaKeys.RepairFetched, fetched.ToString(CultureInfo.InvariantCulture), cancellationToken);
                return true;
            },
            clock: null,
            cancellationToken,
            WriteLane.Background);

    /// <summary>
    /// Records for the hub's repair, each with every write by another node it holds (original versions). This
    /// node's own writes are left out: they reach the hub by push, from the hub's acknowledgement.
    /// </summary>
    public async Task<IReadOnlyList<ChangeEntry>> ReadForRepairAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var list = new List<ChangeEntry>();
        foreach (var id in ids)
        {
            var record = await RecordTable.LoadAsync(connection, null, id, cancellationToken);
            var writes = FieldHistory.AllWrites(record).Values.SelectMany(w => w).Where(w => w.Version.Node != NodeId).ToList();
            if (record is not null && writes.Count > 0)
            {
                list.Add(new ChangeEntry(NodeId, 0, id, record.Type, record.Scope, writes));
            }
        }

        return list;
    }

    /// <summary>Merges the hub's copies of records (every write) into this node's, without logging: none is this node's write.</summary>
    public async Task<int> MergeRepairedAsync(IReadOnlyList<ChangeEntry> records, CancellationToken cancellationToken = default)
    {
        return await _writer.WriteSqliteAsync(async (connection, transaction) =>
        {
            var changed = 0;
            foreach (var record in records)
            {
                foreach (var write in record.Fields)
                {
                    Clock.Observe(write.Version);
                }

                var result = await RecordTable.MergeAsync(connection, transaction, record, cancellationToken);
                changed += result.Applied.Count > 0 ? 1 : 0;
            }

            return changed;
        }, Clock, cancellationToken);
    }
}

/// <param name="Pending">A cursor reset happened and its repair has not finished yet.</param>
/// <param name="ResyncAtMs">When the hub last said the cursor was not from its log.</param>
/// <param name="ResyncReason">Why, as the node told it.</param>
/// <param name="RepairAtMs">When the last repair finished.</param>
/// <param name="RepairSent">Records the last repair sent to the hub.</param>
/// <param name="RepairFetched">Records the last repair fetched from the hub.</param>
public sealed record RepairState(bool Pending, long? ResyncAtMs, string? ResyncReason, long? RepairAtMs, long RepairSent, long RepairFetched);
