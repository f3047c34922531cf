using System.Globalization;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using OneStop.Core.Changes;
using OneStop.Edge.Store;

namespace OneStop.Simulation.Tests.Wire;

/// <summary>What one seeded run did, to measure how much of it was not vacuous.</summary>
internal sealed class WireStats
{
    public int Writes { get; set; }

    public int Rounds { get; set; }

    public int FailedRounds { get; set; }

    public int ConcurrentFields { get; set; }

    public int OpenConflicts { get; set; }

    public int ForeignEntriesPassed { get; set; }

    public int HubRestarts { get; set; }

    public int NodeRestarts { get; set; }

    public override string ToString() =>
        $"writes {Writes}, rounds {Rounds} ({FailedRounds} failed), concurrent fields {ConcurrentFields}, open conflicts {OpenConflicts}, "
        + $"other communes' entries passed over by pulls {ForeignEntriesPassed}, restarts: hub {HubRestarts}, nodes {NodeRestarts}";
}

/// <summary>
/// A province in one process: an in-process hub and two or three nodes in each of three communes, each on its own
/// SQLite file, driven by a schedule drawn from one seed: local writes, sync rounds (the real <c>SyncRound</c>
/// over gRPC) and crashes inside transactions at the node or the hub. Checks what it can as it goes (scope, what
/// a crashed transaction left), then heals and compares every replica with the hub and with <see cref="CausalOracle"/>.
/// </summary>
internal sealed class WireWorld : IAsyncDisposable
{
    public static readonly string[] Communes = ["10001", "10002", "10003"];

    private static readonly string[] EditedFields = ["applicant_name", "phone", "note"];

    private static readonly string[] Pool = ["\"An\"", "\"Bình\"", "\"Chi\"", "\"Dũng\""];

    private readonly string _directory;
    private readonly Random _random;
    private readonly SimWall _wall;
    private readonly TimeProvider _hubClock;
    private InProcessHub _hub = null!;

    private WireWorld(int seed, string directory)
    {
        Seed = seed;
        _directory = directory;
        _random = new Random(seed);
        _wall = new SimWall(1_764_000_000_000 + (seed * 86_400_000L % 1_000_000_000));
        _hubClock = new SkewedClock(_wall, 0);
    }

    public int Seed { get; }

    public List<SimNode> Nodes { get; } = [];

    public CausalOracle Oracle { get; } = new();

    public FaultLedger Faults { get; } = new();

    public WireStats Stats { get; } = new();

    public List<string> Findings { get; } = [];

    public InProcessHub Hub => _hub;

    private string HubPath => Path.Combine(_directory, "hub", "hub.db");

    public static async Task<WireWorld> CreateAsync(int seed)
    {
        // Real files on tmpfs where there is one: synchronous=FULL on a shared CI disk is fsync-bound, and durability
        // across a power cut is not what this checks (a crash here kills the transaction, the file stays).
        var directory = Path.Combine(SimulationOptions.DefaultDataRoot(), $"onestop-wire-{seed}-{Guid.NewGuid():N}");
        var world = new WireWorld(seed, directory);
        foreach (var commune in Communes)
        {
            var count = world._random.Next(2, 4);
            for (var i = 0; i < count; i++)
            {
                var id = $"n{commune[^1]}{(char)('a' + i)}";

                // Clocks a few hundred ms apart: concurrent writes then order by clock, not by who synced last.
                var clock = new SkewedClock(world._wall, world._random.Next(-400, 400));
                world.Nodes.Add(new SimNode(new SimNodeIdentity(id, commune, "key-" + id), Path.Combine(directory, id, "edge.db"), clock, batchEntries: world._random.Next(2, 6)));
            }
        }

        foreach (var node in world.Nodes)
        {
            await node.OpenAsync();
            await FaultTriggers.InstallOnEdgeAsync(node.Path);
        }

        await world.StartHubAsync();
        await FaultTriggers.InstallOnHubAsync(world.HubPath);
        return world;
    }

    /// <summary>Runs <paramref name="steps"/> random steps, heals, and checks the end state into <see cref="Findings"/>.</summary>
    public async Task RunAsync(int steps)
    {
        // Every node starts with its commune's first dossiers, so edits from the start can meet on one record.
        foreach (var commune in Communes)
        {
            var first = Nodes.First(node => node.Commune == commune);
            await WriteAsync(first, crash: false);
            await WriteAsync(first, crash: false);
        }

        await HealAsync();
        for (var step = 0; step < steps; step++)
        {
            _wall.NowMs += _random.Next(1, 40);
            var node = Nodes[_random.Next(Nodes.Count)];
            var roll = _random.NextDouble();
            if (roll < 0.5)
            {
                await WriteAsync(node, crash: false);
            }
            else if (roll < 0.78)
            {
                await RoundAsync(node, null);
            }
            else
            {
                var kind = (FaultKind)_random.Next(4);
                if (kind == FaultKind.EdgeWrite)
                {
                    await WriteAsync(node, crash: true);
                }
                else
                {
                    await RoundAsync(node, kind);
                }
            }
        }

        await HealAsync();
        await CheckAsync();
    }

    /// <summary>The end-state checks alone (after <see cref="RunAsync"/> they already ran once).</summary>
    public Task CheckAsync() => new WireCheck(this).RunAsync();

    /// <summary>A local write on <paramref name="node"/>, acknowledged to the oracle like any other.</summary>
    public Task WriteOnceAsync(SimNode node) => WriteAsync(node, crash: false);

    /// <summary>One fault-free round of <paramref name="node"/>, observed like any other.</summary>
    public Task RoundOnceAsync(SimNode node) => RoundAsync(node, null);

    private async Task StartHubAsync() =>
        _hub = await InProcessHub.StartAsync(Path.GetDirectoryName(HubPath)!, Nodes.Select(node => node.Identity), _hubClock, Faults);

    private async Task RestartHubAsync()
    {
        await _hub.DisposeAsync();
        foreach (var node in Nodes)
        {
            node.Disconnect();
        }

        await StartHubAsync();
        Stats.HubRestarts++;
    }

    /// <summary>A local write: a new dossier, or one or two fields of a dossier the node holds.</summary>
    private async Task WriteAsync(SimNode node, bool crash)
    {
        var held = await node.Store.ListAsync(RecordTypes.Dossier, int.MaxValue);
        var create = held.Count < 2 || (held.Count < 4 && _random.NextDouble() < 0.1);

        // Few dossiers per commune and edits spread over them: offline edits of one field meet often enough.
        var id = create ? NextId() : held[_random.Next(held.Count)].Id;
        var values = create
            ? EditedFields.ToDictionary(field => field, _ => (string?)Pool[_random.Next(Pool.Length)], StringComparer.Ordinal)
            : EditedFields.OrderBy(_ => _random.Next()).Take(_random.Next(1, 3)).ToDictionary(field => field, _ => (string?)Pool[_random.Next(Pool.Length)], StringComparer.Ordinal);
        var before = await node.Store.GetAsync(id);
        var seqBefore = await node.Store.ReadLastOwnSeqAsync();
        if (crash)
        {
            Faults.Count(Faults.Armed, FaultKind.EdgeWrite);
            await FaultTriggers.ArmAsync(node.Path, FaultKind.EdgeWrite, await FaultTriggers.ReadBaselineAsync(node.Path, FaultKind.EdgeWrite));
        }

        try
        {
            await node.Store.WriteAsync(id, RecordTypes.Dossier, node.Commune, values);
        }
        catch (Exception ex) when (crash && FaultTriggers.IsInjected(ex))
        {
            Faults.Count(Faults.Landed, FaultKind.EdgeWrite);
            await FaultTriggers.DisarmAsync(node.Path);
            await RestartNodeAsync(node);
            var seqAfter = await node.Store.ReadLastOwnSeqAsync();
            var after = await node.Store.GetAsync(id);
            Check(seqAfter == seqBefore, () => $"{node.NodeId}: a crashed write left its log at seq {seqAfter}, was {seqBefore}");
            Check(Same(before, after) is null, () => $"{node.NodeId}: a crashed write changed record {id}: {Same(before, after)}");
            return;
        }
        finally
        {
            if (crash)
            {
                await FaultTriggers.DisarmAsync(node.Path);
            }
        }

        var logged = await node.Store.ReadChangesAfterAsync(seqBefore, 2, int.MaxValue);
        if (logged.Count == 0)
        {
            // Every value was already there: nothing changed, nothing logged, nothing acknowledged to sync.
            return;
        }

        Check(logged.Count == 1 && logged[0].RecordId == id, () => $"{node.NodeId}: one write logged {logged.Count} entries");
        Oracle.Wrote(node.NodeId, node.Commune, logged[0]);
        Stats.Writes++;
    }

    /// <summary>A UUIDv7 on the simulated wall clock with seeded random bits, so a seed replays the same schedule.</summary>
    private Guid NextId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(_wall.NowMs >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>One sync round of the real <c>SyncRound</c>, with a crash armed inside one transaction when <paramref name="fault"/> is set.</summary>
    private async Task RoundAsync(SimNode node, FaultKind? fault)
    {
        var path = fault == FaultKind.HubApply ? HubPath : node.Path;
        long baseline = 0;
        var hubLandedBefore = Faults.LandedAtHub;
        if (fault is { } armed)
        {
            Faults.Count(Faults.Armed, armed);
            baseline = await FaultTriggers.ReadBaselineAsync(path, armed);
            await FaultTriggers.ArmAsync(path, armed, baseline);
        }

        var pulledFrom = await node.Store.ReadCursorAsync(MetaKeys.PullCursor);
        Exception? failure = null;
        try
        {
            await node.RunRoundAsync(_hub);
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            if (fault is not null)
            {
                await FaultTriggers.DisarmAsync(path);
            }
        }

        Stats.Rounds++;
        var landedAtNode = failure is not null && FaultTriggers.IsInjected(failure);
        var landedAtHub = Faults.LandedAtHub > hubLandedBefore;
        if (failure is not null)
        {
            Stats.FailedRounds++;
            var expected = landedAtNode || (landedAtHub && failure is RpcException);
            Check(expected, () => $"{node.NodeId}: round failed without an injected crash: {failure}");
        }

        if (landedAtNode)
        {
            Faults.Count(Faults.Landed, fault!.Value);
            await RestartNodeAsync(node);
            await CheckNodeCrashAsync(node, fault.Value, baseline);
        }

        if (landedAtHub)
        {
            Faults.Count(Faults.Landed, FaultKind.HubApply);
            await RestartHubAsync();
            var head = await FaultTriggers.ReadBaselineAsync(HubPath, FaultKind.HubApply);
            Check(head == baseline, () => $"hub: a crashed push left {head} log entries, {baseline} before");
        }

        await ObservePullAsync(node, pulledFrom);
    }

    private async Task CheckNodeCrashAsync(SimNode node, FaultKind fault, long baseline)
    {
        if (fault == FaultKind.EdgePull)
        {
            var cursor = await node.Store.ReadCursorAsync(MetaKeys.PullCursor);
            Check(cursor == baseline, () => $"{node.NodeId}: a crashed pull left its cursor at {cursor}, {baseline} before");
        }
        else if (fault == FaultKind.EdgeAck)
        {
            // The hub committed the batch; the node never recorded the ack: exactly the window a repeat must cover.
            var local = await node.Store.ReadCursorAsync(MetaKeys.PushAcked);
            var atHub = await _hub.Store.ReadAckedAsync(node.NodeId);
            Check(atHub > local, () => $"{node.NodeId}: after a crash writing the ack the hub holds {atHub}, the node {local}: the crash was not in the window");
        }
    }

    /// <summary>Feeds the node's committed pull cursor to the oracle, and checks its scope.</summary>
    private async Task ObservePullAsync(SimNode node, long pulledFrom)
    {
        var cursor = await node.Store.ReadCursorAsync(MetaKeys.PullCursor);
        Oracle.PulledTo(node.NodeId, cursor, await _hub.Store.ReadLogAfterAsync(node.Commune, 0, int.MaxValue));
        if (cursor > pulledFrom)
        {
            Stats.ForeignEntriesPassed += (int)await FaultTriggers.ScalarAsync(
                HubPath,
                $"SELECT COUNT(*) FROM hub_log WHERE hub_seq > {pulledFrom} AND hub_seq <= {cursor} AND scope NOT IN ('{node.Commune}', 'global')");
        }

        foreach (var record in await node.Store.ListAsync(RecordTypes.Dossier, int.MaxValue))
        {
            Check(record.Scope == node.Commune, () => $"{node.NodeId} of commune {node.Commune} holds dossier {record.Id} of {record.Scope}");
        }
    }

    private async Task RestartNodeAsync(SimNode node)
    {
        await node.RestartAsync();
        Stats.NodeRestarts++;
    }

    /// <summary>Rounds without faults until every node has pushed everything and pulled everything pushed after it.</summary>
    private async Task HealAsync()
    {
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var node in Nodes)
            {
                await RoundAsync(node, null);
            }
        }
    }

    public void Check(bool condition, Func<string> finding)
    {
        if (!condition)
        {
            Findings.Add(finding());
        }
    }

    /// <summary>Null when both are the same record (every field, bookkeeping included, same value and versions), else the first difference.</summary>
    public static string? Same(StoredRecord? a, StoredRecord? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null ? null : $"{(a is null ? "missing" : "present")} vs {(b is null ? "missing" : "present")}";
        }

        if (a.Type != b.Type || a.Scope != b.Scope)
        {
            return $"type/scope {a.Type}/{a.Scope} vs {b.Type}/{b.Scope}";
        }

        foreach (var name in a.Fields.Keys.Union(b.Fields.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            a.Fields.TryGetValue(name, out var x);
            b.Fields.TryGetValue(name, out var y);
            if (x is null || y is null || x.Json != y.Json || x.Deleted != y.Deleted || x.Version != y.Version || x.Replaced != y.Replaced)
            {
                return $"field {name}: {Show(x)} vs {Show(y)}";
            }
        }

        return null;
    }

    public static string Show(FieldChange? field) =>
        field is null ? "(absent)" : string.Create(CultureInfo.InvariantCulture, $"{field.Json ?? "(deleted)"} @{field.Version}");

    public ValueTask DisposeAsync() => DisposeCoreAsync();

    private async ValueTask DisposeCoreAsync()
    {
        foreach (var node in Nodes)
        {
            node.Disconnect();
        }

        await _hub.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
