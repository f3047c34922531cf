using OneStop.Core.Changes;
using OneStop.Edge.Store;

namespace OneStop.Simulation.Tests.Wire;

/// <summary>
/// The end state after healing: (1) every acknowledged write is in the hub log exactly once, unchanged, and the
/// log holds no node write nobody acknowledged; (2) every node holds exactly its commune's dossiers, each identical
/// to the hub's copy; (3) each field shows the write the <see cref="CausalOracle"/> names; (4) hub and every node
/// of a commune list exactly the conflicts the oracle names; (5) no clock contradicts what a writer saw.
/// </summary>
internal sealed class WireCheck(WireWorld world)
{
    private const int Shown = 6;

    public async Task RunAsync()
    {
        var hub = world.Hub.Store;
        await CheckLogAsync();
        foreach (var commune in WireWorld.Communes)
        {
            var nodes = world.Nodes.Where(node => node.Commune == commune).ToList();
            var ids = (await hub.ListAsync(RecordTypes.Dossier, commune, int.MaxValue)).Select(record => record.Id).ToHashSet();
            var hubRecords = new Dictionary<Guid, StoredRecord?>();
            foreach (var id in ids)
            {
                hubRecords[id] = await hub.GetAsync(id);
            }

            foreach (var node in nodes)
            {
                await CheckNodeAsync(node, ids, hubRecords);
            }

            var expected = world.Oracle.ExpectedFields(commune);
            var wrong = 0;
            foreach (var ((record, field), winner) in expected)
            {
                var shown = hubRecords.GetValueOrDefault(record)?.Fields.GetValueOrDefault(field);
                if ((shown is null || shown.Json != winner.Json || shown.Deleted != winner.Deleted || shown.Version != winner.Version) && wrong++ < Shown)
                {
                    world.Findings.Add($"commune {commune}: record {record} {field} shows {WireWorld.Show(shown)}, the oracle names {WireWorld.Show(winner)}");
                }
            }

            var expectedConflicts = world.Oracle.ExpectedConflicts(commune);
            world.Stats.OpenConflicts += expectedConflicts.Count;
            world.Stats.ConcurrentFields += world.Oracle.ConcurrentFields(commune);
            CompareConflicts($"hub ({commune})", expectedConflicts, await hub.ListConflictsAsync(commune));
            foreach (var node in nodes)
            {
                CompareConflicts(node.NodeId, expectedConflicts, await node.Store.ListConflictsAsync());
            }

            world.Findings.AddRange(world.Oracle.ClockInversions(commune).Take(Shown));
        }
    }

    private async Task CheckLogAsync()
    {
        var byOrigin = new Dictionary<(string Node, long Seq), List<ChangeEntry>>();
        foreach (var commune in WireWorld.Communes)
        {
            foreach (var entry in await world.Hub.Store.ReadLogAfterAsync(commune, 0, int.MaxValue))
            {
                if (entry.Change.Scope != commune)
                {
                    continue;
                }

                var key = (entry.Change.OriginNode, entry.Change.OriginSeq);
                if (!byOrigin.TryGetValue(key, out var copies))
                {
                    copies = [];
                    byOrigin[key] = copies;
                }

                copies.Add(entry.Change);
            }
        }

        var acknowledged = world.Oracle.Acknowledged.ToHashSet();
        foreach (var key in acknowledged)
        {
            var copies = byOrigin.GetValueOrDefault(key) ?? [];
            world.Check(copies.Count == 1, () => $"acknowledged write {key.Node}#{key.Seq} is in the hub log {copies.Count} times");
            if (copies.Count == 1)
            {
                var logged = copies[0].Fields;
                var written = world.Oracle.FieldsOf(key).Select(write => write.Field).ToList();
                world.Check(
                    !copies[0].ClockClamped && logged.Count == written.Count && logged.Zip(written).All(pair =>
                        pair.First.Name == pair.Second.Name && pair.First.Json == pair.Second.Json && pair.First.Version == pair.Second.Version),
                    () => $"hub log entry {key.Node}#{key.Seq} differs from what the node acknowledged (clamped={copies[0].ClockClamped})");
            }
        }

        foreach (var key in byOrigin.Keys.Where(key => !acknowledged.Contains(key)))
        {
            world.Findings.Add($"hub log holds {key.Node}#{key.Seq}, which no node acknowledged (a crashed write came back?)");
        }
    }

    private async Task CheckNodeAsync(SimNode node, HashSet<Guid> ids, Dictionary<Guid, StoredRecord?> hubRecords)
    {
        var held = await node.Store.ListAsync(RecordTypes.Dossier, int.MaxValue);
        foreach (var record in held.Where(record => !ids.Contains(record.Id)).Take(Shown))
        {
            world.Findings.Add($"{node.NodeId} holds dossier {record.Id} ({record.Scope}) that the hub does not list for {node.Commune}");
        }

        world.Check(await node.Store.CountBacklogAsync() == 0, () => $"{node.NodeId} still has a backlog after healing");
        var differences = 0;
        foreach (var id in ids)
        {
            var difference = WireWorld.Same(hubRecords[id], await node.Store.GetAsync(id));
            if (difference is not null && differences++ < Shown)
            {
                world.Findings.Add($"record {id}: hub vs {node.NodeId}: {difference}");
            }
        }

        var cursor = await node.Store.ReadCursorAsync(MetaKeys.PullCursor);
        var head = await world.Hub.Store.ReadLogHeadAsync();
        world.Check(cursor == head, () => $"{node.NodeId} pulled to {cursor}, the hub log head is {head}");
    }

    private void CompareConflicts(string where, HashSet<string> expected, IReadOnlyList<OneStop.Storage.OpenConflict> open)
    {
        var listed = open.Select(conflict => CausalOracle.ConflictKey(conflict.Conflict.RecordId, conflict.Conflict.Field, conflict.Conflict.Winner, conflict.Conflict.Loser)).ToList();
        world.Check(listed.Count == listed.Distinct(StringComparer.Ordinal).Count(), () => $"{where}: a conflict is listed twice");
        foreach (var missing in expected.Except(listed).Take(Shown))
        {
            world.Findings.Add($"{where}: missing conflict {missing}");
        }

        foreach (var extra in listed.Except(expected).Take(Shown))
        {
            world.Findings.Add($"{where}: unexpected conflict {extra}");
        }
    }
}
