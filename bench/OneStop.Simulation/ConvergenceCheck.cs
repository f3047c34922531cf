using OneStop.Core.Changes;
using OneStop.Core.Merge;
using OneStop.Storage;

namespace OneStop.Simulation;

/// <summary>
/// The end-state checks after healing: (a) every replica and the hub hold identical records; (b) every
/// acknowledged write reached the hub and is held everywhere (or superseded); (c) the open conflicts are
/// the same everywhere and are exactly the concurrent different-value pairs of which no later write saw
/// either side, computed independently: which writes saw which from <see cref="CausalHistory"/> (what
/// really happened in the run), which values disagree and which side wins from <see cref="RuleOracle"/>. (d), the clocks, is checked at every step by
/// <see cref="SimulationWorld"/>.
/// </summary>
public static class ConvergenceCheck
{
    private const int Shown = 8;

    public static async Task RunAsync(SimulationWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var findings = world.Findings;
        var hubLog = await world.Hub.Store.ReadLogAfterAsync(world.Commune, 0, int.MaxValue);
        var final = FinalWrites(world, hubLog, findings);
        var stores = Stores(world);

        // (a) identical records everywhere, and the same list of dossiers.
        var ids = final.Keys.Order().ToList();
        var copies = new Dictionary<string, Dictionary<Guid, StoredRecord?>>(StringComparer.Ordinal);
        foreach (var store in stores)
        {
            var held = new Dictionary<Guid, StoredRecord?>();
            foreach (var id in ids)
            {
                held[id] = await store.Get(id);
            }

            copies[store.Name] = held;
            var listed = (await store.List()).OrderBy(data => data.Id).ToList();
            var expected = held.Values.Where(record => record is not null).Select(record => RecordData.Of(record!)).OrderBy(data => data.Id).ToList();
            findings.Check(listed.SequenceEqual(expected), () => $"{store.Name}: ListAsync shows {listed.Count} dossiers that differ from its records ({expected.Count})");
        }

        foreach (var id in ids)
        {
            var reference = copies["hub"][id];
            findings.Check(reference is not null, () => $"record {id} is in the hub log but not in the hub's records");
            foreach (var store in stores.Skip(1))
            {
                var difference = RecordComparison.Describe(reference, copies[store.Name][id]);
                findings.Check(difference is null, () => $"record {id}: hub vs {store.Name}: {difference}");
            }
        }

        // (b) + the rules: every store holds every final write, and shows the winner the rules name.
        foreach (var store in stores)
        {
            var reported = 0;
            foreach (var (id, fields) in final)
            {
                var record = copies[store.Name][id];
                foreach (var (field, finals) in fields)
                {
                    var held = FieldHistory.Writes(record, field);
                    var writes = finals.Select(final => final.Write).ToList();
                    var heldKeys = finals.Where(final => held.Any(other => RuleOracle.SameWrite(other, final.Write))).Select(final => final.Key).ToList();
                    foreach (var (key, write) in finals)
                    {
                        var present = heldKeys.Contains(key);
                        if (!present && !world.Causality.Superseded(key, heldKeys) && reported++ < Shown)
                        {
                            findings.Add($"{store.Name}: lost write {id} {RecordComparison.Show(write)}: neither held nor superseded");
                        }
                    }

                    foreach (var extra in held.Where(other => !writes.Any(write => RuleOracle.SameWrite(other, write))))
                    {
                        if (reported++ < Shown)
                        {
                            findings.Add($"{store.Name}: record {id} holds {RecordComparison.Show(extra)}, which is no write in the hub log");
                        }
                    }

                    if (record is null || writes.Count == 0)
                    {
                        continue;
                    }

                    var expected = RuleOracle.Winner(record.Type, field, writes);
                    var shown = record.Fields.GetValueOrDefault(field);
                    if ((shown is null || !RuleOracle.SameWrite(shown, expected)) && reported++ < Shown)
                    {
                        findings.Add($"{store.Name}: record {id} shows {(shown is null ? "nothing" : RecordComparison.Show(shown))}; the rules pick {RecordComparison.Show(expected)}");
                    }
                }

                if (record is not null && fields.TryGetValue(RecordTombstone.Field, out var tombstones))
                {
                    var deleted = RuleOracle.Winner(record.Type, RecordTombstone.Field, tombstones.Select(final => final.Write)).Json == "true";
                    findings.Check(record.IsDeleted == deleted, () => $"{store.Name}: record {id} IsDeleted={record.IsDeleted}, the rules say {deleted}");
                }
            }
        }

        // (c) conflicts: expected from the oracle, compared with every store's open list.
        var expectedOpen = ExpectedOpenConflicts(world, final, copies["hub"]);
        foreach (var store in stores)
        {
            var open = await store.Conflicts();
            var listed = open.ToDictionary(conflict => conflict.Id);
            findings.Check(listed.Count == open.Count, () => $"{store.Name}: a conflict is listed twice");
            foreach (var (id, pair) in expectedOpen.Where(pair => !listed.ContainsKey(pair.Key)).Take(Shown))
            {
                findings.Add($"{store.Name}: missing conflict {id} on {pair.RecordId} {pair.Field}: {RecordComparison.Show(pair.Winner)} vs {RecordComparison.Show(pair.Loser)}");
            }

            foreach (var conflict in open.Where(conflict => !expectedOpen.ContainsKey(conflict.Id)).Take(Shown))
            {
                var c = conflict.Conflict;
                findings.Add($"{store.Name}: unexpected open conflict {conflict.Id} on {c.RecordId} {c.Field}: {RecordComparison.Show(c.Winner)} vs {RecordComparison.Show(c.Loser)}");
            }

            foreach (var conflict in open.Where(conflict => expectedOpen.ContainsKey(conflict.Id)))
            {
                var expected = expectedOpen[conflict.Id];
                var c = conflict.Conflict;
                findings.Check(
                    RuleOracle.SameWrite(c.Winner, expected.Winner) && RuleOracle.SameWrite(c.Loser, expected.Loser),
                    () => $"{store.Name}: conflict {conflict.Id} names winner {RecordComparison.Show(c.Winner)}, the rules name {RecordComparison.Show(expected.Winner)}");
            }
        }
    }

    /// <summary>
    /// The writes as every replica must finally hold them: the hub log's entries (clamped where the hub
    /// clamped), after checking every acknowledged write reached the log unchanged but for the clamp.
    /// </summary>
    private static SortedDictionary<Guid, SortedDictionary<string, List<FinalWrite>>> FinalWrites(SimulationWorld world, IReadOnlyList<HubLogEntry> hubLog, Findings findings)
    {
        var byOrigin = new Dictionary<(string Origin, long Seq), ChangeEntry>();
        foreach (var entry in hubLog)
        {
            findings.Check(byOrigin.TryAdd((entry.Change.OriginNode, entry.Change.OriginSeq), entry.Change), () => $"hub log holds {entry.Change.OriginNode}#{entry.Change.OriginSeq} twice");
        }

        var lost = 0;
        foreach (var write in world.Writes)
        {
            if (!byOrigin.TryGetValue((write.Origin, write.Seq), out var logged))
            {
                if (lost++ < Shown)
                {
                    findings.Add($"acknowledged write {write.Origin}#{write.Seq} (step {write.Step}, record {write.Entry.RecordId}) never reached the hub log");
                }

                continue;
            }

            findings.Check(SameChange(write.Entry, logged), () => $"hub log entry {write.Origin}#{write.Seq} differs from what the node wrote beyond a clamp (clamped={logged.ClockClamped})");
        }

        findings.Check(byOrigin.Count == world.Writes.Count, () => $"hub log holds {byOrigin.Count} entries for {world.Writes.Count} acknowledged writes");

        var final = new SortedDictionary<Guid, SortedDictionary<string, List<FinalWrite>>>();
        foreach (var entry in hubLog)
        {
            if (!final.TryGetValue(entry.Change.RecordId, out var fields))
            {
                fields = new SortedDictionary<string, List<FinalWrite>>(StringComparer.Ordinal);
                final[entry.Change.RecordId] = fields;
            }

            foreach (var field in entry.Change.Fields)
            {
                if (!fields.TryGetValue(field.Name, out var writes))
                {
                    writes = [];
                    fields[field.Name] = writes;
                }

                if (!writes.Any(write => RuleOracle.SameWrite(write.Write, field)))
                {
                    writes.Add(new FinalWrite(WriteKey.Of(entry.Change, field), field));
                }
            }
        }

        return final;
    }

    /// <summary>The same change, or the hub's clamp of it: same record and values, versions possibly pulled back.</summary>
    private static bool SameChange(ChangeEntry written, ChangeEntry logged)
    {
        if (written.RecordId != logged.RecordId || written.Fields.Count != logged.Fields.Count)
        {
            return false;
        }

        return written.Fields.Zip(logged.Fields).All(pair => logged.ClockClamped
            ? pair.First.Name == pair.Second.Name && RuleOracle.SameValue(pair.First, pair.Second) && pair.Second.Version <= pair.First.Version
            : RuleOracle.SameWrite(pair.First, pair.Second));
    }

    private static Dictionary<Guid, FieldConflict> ExpectedOpenConflicts(
        SimulationWorld world,
        SortedDictionary<Guid, SortedDictionary<string, List<FinalWrite>>> final,
        Dictionary<Guid, StoredRecord?> hubRecords)
    {
        var open = new Dictionary<Guid, FieldConflict>();
        foreach (var (id, fields) in final)
        {
            var type = hubRecords[id]?.Type ?? RecordTypes.Dossier;
            foreach (var (field, writes) in fields)
            {
                var keys = writes.Select(write => write.Key).ToList();
                for (var i = 0; i < writes.Count; i++)
                {
                    for (var j = i + 1; j < writes.Count; j++)
                    {
                        var (a, b) = (writes[i].Write, writes[j].Write);
                        if (!world.Causality.Concurrent(writes[i].Key, writes[j].Key) || !RuleOracle.Disagree(type, field, a, b))
                        {
                            continue;
                        }

                        world.Stats.ConcurrentPairs++;
                        if (world.Causality.Superseded(writes[i].Key, keys) || world.Causality.Superseded(writes[j].Key, keys))
                        {
                            world.Stats.SettledConflicts++;
                            continue;
                        }

                        world.Stats.OpenConflicts++;
                        var (winner, loser) = RuleOracle.Beats(type, field, a, b) ? (a, b) : (b, a);
                        var conflict = new FieldConflict(id, field, winner, loser);
                        open[conflict.Id] = conflict;
                    }
                }
            }
        }

        return open;
    }

    private static List<StoreView> Stores(SimulationWorld world)
    {
        var hub = world.Hub.Store;
        var stores = new List<StoreView>
        {
            new("hub", id => hub.GetAsync(id), () => hub.ListAsync(RecordTypes.Dossier, world.Commune, int.MaxValue), () => hub.ListConflictsAsync(world.Commune)),
        };
        foreach (var replica in world.Replicas)
        {
            var store = replica.Store;
            stores.Add(new StoreView(replica.NodeId, id => store.GetAsync(id), () => store.ListAsync(RecordTypes.Dossier, int.MaxValue), () => store.ListConflictsAsync()));
        }

        return stores;
    }

    private sealed record FinalWrite(WriteKey Key, FieldChange Write);

    private sealed record StoreView(
        string Name,
        Func<Guid, Task<StoredRecord?>> Get,
        Func<Task<IReadOnlyList<RecordData>>> List,
        Func<Task<IReadOnlyList<OpenConflict>>> Conflicts);
}
