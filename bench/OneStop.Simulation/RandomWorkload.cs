using OneStop.Core.Changes;
using OneStop.Core.Merge;

namespace OneStop.Simulation;

/// <summary>
/// Picks each step's operation from one <see cref="Random"/>: local writes piled on a few shared dossiers,
/// pushes and pulls with network faults, late deliveries, partitions, crashes (with clock resets), hub
/// writes and restarts, gap batches and conflict resolutions.
/// </summary>
public sealed class RandomWorkload(SimulationWorld world, Random random)
{
    private static readonly string[] Names = ["\"Nguyễn Văn An\"", "\"Trần Thị Bình\"", "\"Lê Văn Chí\"", "\"Hoàng Thị Dung\""];

    // Edits go mostly to the first few dossiers, so replicas keep editing the same fields concurrently.
    private const int HotDossiers = 3;

    private readonly List<Guid> _dossiers = [];

    public IReadOnlyList<Guid> Dossiers => _dossiers;

    public async Task RunAsync(int steps)
    {
        for (var step = 0; step < steps; step++)
        {
            world.Step = step;
            AdvanceClocks();
            await OneStepAsync();
            world.Stats.Steps++;
        }
    }

    /// <summary>A skew in ±max: half the replicas near the clamp bound (a few minutes), half anywhere in the range.</summary>
    public static long DrawSkew(Random random, long maxSkewMs)
    {
        ArgumentNullException.ThrowIfNull(random);
        var range = random.Next(2) == 0 ? Math.Min(maxSkewMs, 10 * 60 * 1000) : maxSkewMs;
        return random.NextInt64(-range, range + 1);
    }

    private void AdvanceClocks()
    {
        world.Time.Advance(random.Next(0, 30_000));
        foreach (var replica in world.Replicas)
        {
            // Physical clocks drift and get stepped both ways; the HLC must hide a step back.
            replica.Clock.SkewMs += random.Next(-1_500, 1_501);
        }
    }

    private async Task OneStepAsync()
    {
        var replica = world.Replicas[random.Next(world.Replicas.Count)];
        var roll = random.Next(100);
        var connected = !replica.IsPartitioned(world.Step);

        // A replica that is cut off still writes and crashes, but its sync attempts go nowhere.
        if (roll < 35)
        {
            await WriteAsync(replica);
        }
        else if (roll < 52)
        {
            if (connected)
            {
                await world.PushAsync(replica, PushFateOf(random.Next(100)), random.Next(3) == 0, random.Next(1, 8), random.Next(300, 6_000));
            }
        }
        else if (roll < 69)
        {
            if (connected)
            {
                await world.PullAsync(replica, PullFateOf(random.Next(100)), random.Next(1, 16));
            }
        }
        else if (roll < 77)
        {
            if (world.Pending.Count > 0)
            {
                await world.DeliverPendingAsync(random.Next(world.Pending.Count));
            }
        }
        else if (roll < 80)
        {
            world.Partition(replica, random.Next(5, 40));
        }
        else if (roll < 83)
        {
            await world.RestartAsync(replica, random.Next(3) == 0 ? DrawSkew(random, world.Options.MaxSkewMs) : null);
        }
        else if (roll < 85)
        {
            await HubWriteAsync();
        }
        else if (roll < 86)
        {
            await world.RestartHubAsync();
        }
        else if (roll < 88)
        {
            if (connected)
            {
                await world.PushWithGapAsync(replica, random.Next(1, 6));
            }
        }
        else if (roll < 93)
        {
            await ResolveAsync(replica);
        }
        else if (connected)
        {
            await world.SyncPushAsync(replica);
            await world.SyncPullAsync(replica);
        }
    }

    private static PushFate PushFateOf(int roll) => roll switch
    {
        < 55 => PushFate.Deliver,
        < 65 => PushFate.DropRequest,
        < 77 => PushFate.DropReply,
        < 87 => PushFate.Duplicate,
        _ => PushFate.Delay,
    };

    private static PullFate PullFateOf(int roll) => roll switch
    {
        < 60 => PullFate.Deliver,
        < 72 => PullFate.Drop,
        < 84 => PullFate.Duplicate,
        _ => PullFate.Delay,
    };

    private async Task WriteAsync(Replica replica)
    {
        if (_dossiers.Count == 0 || (_dossiers.Count < world.Options.MaxDossiers && random.Next(100) < 12))
        {
            var id = NewGuid();
            var values = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["status"] = random.Next(2) == 0 ? "\"draft\"" : "\"received\"",
                ["applicant_name"] = Names[random.Next(Names.Length)],
                ["procedure_code"] = "\"1.001\"",
                ["form.phone"] = Phone(),
            };
            _dossiers.Add(id);
            await world.WriteAsync(replica, id, values);
            return;
        }

        var target = random.Next(100) < 70 ? _dossiers[random.Next(Math.Min(HotDossiers, _dossiers.Count))] : _dossiers[random.Next(_dossiers.Count)];
        var record = await replica.Store.GetAsync(target);
        if (record is null)
        {
            // Not pulled here yet: a replica only edits what it holds.
            return;
        }

        var edits = new Dictionary<string, string?>(StringComparer.Ordinal);
        var count = random.Next(1, 3);
        for (var i = 0; i < count; i++)
        {
            AddEdit(record, edits);
        }

        if (edits.Count > 0)
        {
            await world.WriteAsync(replica, target, edits);
        }
    }

    private void AddEdit(StoredRecord record, Dictionary<string, string?> edits)
    {
        switch (random.Next(100))
        {
            case < 35:
                var moves = RuleOracle.MovesFrom(record.Fields.TryGetValue("status", out var status) ? RuleOracle.StatusOf(status) : null);
                if (moves.Count > 0)
                {
                    edits["status"] = $"\"{moves[random.Next(moves.Count)]}\"";
                }

                break;
            case < 60:
                edits["applicant_name"] = Names[random.Next(Names.Length)];
                break;
            case < 75:
                // Deleting a single field competes like a value.
                edits["form.phone"] = random.Next(4) == 0 ? null : Phone();
                break;
            case < 90:
                edits[AppendOnlyFields.FieldName(AppendOnlyFields.Notes, NewGuid())] = $"\"note {random.Next(1000)}\"";
                break;
            default:
                edits[RecordTombstone.Field] = record.IsDeleted ? "false" : "true";
                break;
        }
    }

    private async Task HubWriteAsync()
    {
        if (_dossiers.Count == 0)
        {
            return;
        }

        var target = _dossiers[random.Next(Math.Min(HotDossiers, _dossiers.Count))];
        var record = await world.Hub.Store.GetAsync(target);
        if (record is null)
        {
            return;
        }

        var edits = new Dictionary<string, string?>(StringComparer.Ordinal);
        AddEdit(record, edits);
        if (edits.Count > 0)
        {
            await world.HubWriteAsync(target, edits);
        }
    }

    /// <summary>
    /// Staff settle an open conflict through the resolve path: half the time keeping what the field shows
    /// (the commonest choice), otherwise with the loser's value or a new one. It must close at once.
    /// </summary>
    private async Task ResolveAsync(Replica replica)
    {
        var open = await replica.Store.ListConflictsAsync();
        if (open.Count == 0)
        {
            return;
        }

        var conflict = open[random.Next(open.Count)];
        var field = conflict.Conflict.Field;
        var record = await replica.Store.GetAsync(conflict.Conflict.RecordId);
        var shown = record?.Fields.GetValueOrDefault(field);
        var loser = conflict.Conflict.Loser;
        var value = random.Next(2) == 0 && shown is { Deleted: false, Json: not null }
            ? shown.Json
            : loser.Deleted || loser.Json is null
                ? (field == "status" ? conflict.Conflict.Winner.Json ?? "\"withdrawn\"" : Names[random.Next(Names.Length)])
                : loser.Json;

        var entry = await world.ResolveAsync(replica, conflict, value);
        var still = (await replica.Store.ListConflictsAsync()).Any(c => c.Id == conflict.Id);
        world.Findings.Check(entry is not null && !still, () => $"step {world.Step}: {replica.NodeId} resolved conflict {conflict.Id} on {field} with {value} but it is still open");
        world.Stats.Resolutions++;
    }

    private string Phone() => $"\"09{random.Next(10_000_000, 99_999_999)}\"";

    private Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
