using Grpc.Core;
using OneStop.Core.Changes;
using OneStop.Core.Clock;

namespace OneStop.Simulation.Tests.Wire;

/// <summary>The wire simulation's checks can fail, and the hub it runs against really authenticates and filters.</summary>
public sealed class WireCheckTests
{
    [Fact]
    public async Task CheckAsync_AcknowledgedWriteNeverSynced_ReportsItMissingFromTheHubLog()
    {
        await using var world = await WireWorld.CreateAsync(7);
        await world.RunAsync(10);
        Assert.Empty(world.Findings);

        var node = world.Nodes[0];
        await world.WriteOnceAsync(node);
        await world.CheckAsync();

        Assert.Contains(world.Findings, finding => finding.Contains("is in the hub log 0 times", StringComparison.Ordinal));
        Assert.Contains(world.Findings, finding => finding.Contains($"{node.NodeId} still has a backlog", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckAsync_OracleToldOfAConcurrentLaterWrite_ReportsTheWinnerAndTheMissingConflict()
    {
        await using var world = await WireWorld.CreateAsync(8);
        await world.RunAsync(10);
        Assert.Empty(world.Findings);

        // A write nobody saw and no replica holds: the oracle must now expect it to win and to conflict.
        var node = world.Nodes[0];
        var record = (await node.Store.ListAsync(RecordTypes.Dossier, int.MaxValue))[0].Id;
        var shown = (await world.Hub.Store.GetAsync(record))!.Fields["applicant_name"];
        var phantom = new ChangeEntry("n9z", 1, record, RecordTypes.Dossier, node.Commune,
            [FieldChange.Set("applicant_name", "\"Phantom\"", new HlcTimestamp(shown.Version.WallMs + 1000, 0, "n9z"), HlcTimestamp.Zero)]);
        world.Oracle.Wrote("n9z", node.Commune, phantom);
        await world.CheckAsync();

        Assert.Contains(world.Findings, finding => finding.Contains("the oracle names \"Phantom\"", StringComparison.Ordinal));
        Assert.Contains(world.Findings, finding => finding.Contains("missing conflict", StringComparison.Ordinal) && finding.Contains("\"Phantom\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunRoundAsync_NodePushesAnotherCommunesDossier_RefusedAndNobodyElseHoldsIt()
    {
        await using var world = await WireWorld.CreateAsync(9);
        var intruder = world.Nodes.First(node => node.Commune == WireWorld.Communes[0]);
        var victim = world.Nodes.First(node => node.Commune == WireWorld.Communes[1]);
        var id = Guid.CreateVersion7();
        await intruder.Store.WriteAsync(id, RecordTypes.Dossier, victim.Commune, new Dictionary<string, string?> { ["applicant_name"] = "\"Mallory\"" });

        var refused = await Assert.ThrowsAsync<RpcException>(() => intruder.RunRoundAsync(world.Hub));
        await world.RoundOnceAsync(victim);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Null(await world.Hub.Store.GetAsync(id));
        Assert.Null(await victim.Store.GetAsync(id));
    }

    [Fact]
    public async Task RunRoundAsync_WrongKey_Unauthenticated()
    {
        await using var world = await WireWorld.CreateAsync(10);
        var real = world.Nodes[0];
        var impostor = new SimNode(real.Identity with { Key = "not-the-key" }, real.Path + ".impostor", real.Clock, batchEntries: 5);
        await impostor.OpenAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => impostor.RunRoundAsync(world.Hub));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal(0, await world.Hub.Store.ReadAckedAsync(real.NodeId));
    }
}
