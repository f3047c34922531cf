using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Audit;
using OneStop.Hub.Audit;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.Protocol;
using OneStop.Protocol.Audit;
using OneStop.Protocol.Audit.V1;

namespace OneStop.Hub.Tests.Audit;

/// <summary>A node's audit entries over the real gRPC listener: stored under the authenticated node, checked on arrival.</summary>
public sealed class AuditSyncTests : IAsyncLifetime
{
    private const string ChainId = "0194c2a0-0000-7000-8000-00000000c4a1";
    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await HubTestHost.StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    private HubAuditStore Store => _hub.Services.GetRequiredService<HubAuditStore>();

    [Fact]
    public async Task Push_IntactChain_HeldUnderTheAuthenticatedNode()
    {
        var chain = Chain(4);

        var reply = await PushAsync(HubTestHost.NodeA, HubTestHost.KeyA, chain);

        Assert.Equal((4, 0), (reply.HeldSequence, reply.BrokenSequence));
        var state = Assert.Single(await Store.ListChainsAsync(), c => c.NodeId == HubTestHost.NodeA);
        Assert.Equal((ChainId, 4L, (AuditChainBreak?)null), (state.ChainId, state.LastSequence, state.FlaggedBreak));
        Assert.Equal(4, (await Store.QueryAsync(new AuditQuery(NodeId: HubTestHost.NodeA))).Count);
    }

    [Fact]
    public async Task Push_SameBatchTwice_SecondIsANoOp()
    {
        var chain = Chain(3);
        await PushAsync(HubTestHost.NodeA, HubTestHost.KeyA, chain);

        var again = await PushAsync(HubTestHost.NodeA, HubTestHost.KeyA, [.. chain, .. Chain(5).Skip(3)]);

        Assert.Equal((5, 0), (again.HeldSequence, again.BrokenSequence));
        Assert.Equal(5, (await Store.QueryAsync(new AuditQuery(NodeId: HubTestHost.NodeA))).Count);
    }

    [Fact]
    public async Task Push_EditedEntry_FlaggedAtThatSequenceAndNothingFromItStored()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Entry = chain[2].Entry with { Detail = "xem hồ sơ khác" } };

        var reply = await PushAsync(HubTestHost.NodeA, HubTestHost.KeyA, chain);

        Assert.Equal((2, 3, nameof(AuditBreakReason.HashMismatch)), (reply.HeldSequence, reply.BrokenSequence, reply.BrokenReason));
        var state = Assert.Single(await Store.ListChainsAsync(), c => c.NodeId == HubTestHost.NodeA);
        Assert.Equal(new AuditChainBreak(3, AuditBreakReason.HashMismatch), state.FlaggedBreak);
        Assert.Equal([2L, 1L], (await Store.QueryAsync(new AuditQuery(NodeId: HubTestHost.NodeA))).Select(e => e.Chained.Entry.Sequence));
    }

    [Fact]
    public async Task Push_PastRewrittenAfterItWasHeld_Flagged()
    {
        var chain = Chain(3);
        await PushAsync(HubTestHost.NodeA, HubTestHost.KeyA, chain);
        var rewritten = Chain(3, actor: "someone-else");

        var reply = await PushAsync(HubTestHost.NodeA, HubTestHost.KeyA, rewritten);

        Assert.Equal((3, 1), (reply.HeldSequence, reply.BrokenSequence));
        Assert.Equal(1, Assert.Single(await Store.ListChainsAsync(), c => c.NodeId == HubTestHost.NodeA).FlaggedBreak?.Sequence);
    }

    [Fact]
    public async Task Push_WrongKey_UnauthenticatedAndNothingStored()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => PushAsync(HubTestHost.NodeA, "not-the-key", Chain(2)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.DoesNotContain(await Store.ListChainsAsync(), c => c.NodeId == HubTestHost.NodeA);
    }

    [Fact]
    public async Task Push_TwoNodes_EachChainKeptApart()
    {
        await PushAsync(HubTestHost.NodeA, HubTestHost.KeyA, Chain(2));
        await PushAsync(HubTestHost.NodeB, HubTestHost.KeyB, Chain(3, actor: "canbo.b"));

        var chains = await Store.VerifyAsync(null);

        Assert.Equal([(HubTestHost.NodeA, 2L), (HubTestHost.NodeB, 3L)], chains.Where(c => c.Chain.NodeId != HubAuditStore.HubNode).Select(c => (c.Chain.NodeId, c.Result.Entries)));
        Assert.All(chains, c => Assert.True(c.Result.Holds));
    }

    private async Task<AuditPushReply> PushAsync(string nodeId, string key, IEnumerable<ChainedAuditEntry> entries)
    {
        using var channel = SyncChannel.Create(_hub.GrpcAddress);
        var client = new AuditSync.AuditSyncClient(channel);
        var request = new AuditPushRequest { ChainId = ChainId };
        request.Entries.AddRange(entries.Select(AuditMapping.ToProto));
        var headers = new Metadata { { NodeHeaders.NodeId, nodeId }, { NodeHeaders.Authorization, "Bearer " + key } };
        return await client.PushAsync(request, headers, deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(20));
    }

    private static List<ChainedAuditEntry> Chain(int count, string actor = "canbo.a")
    {
        var list = new List<ChainedAuditEntry>();
        for (var i = 0; i < count; i++)
        {
            list.Add(AuditChain.Append(list.LastOrDefault(), 1_780_000_000_000 + (i * 1000), actor, AuditActions.Viewed, "0194c2a0-0000-7000-8000-000000000001", $"lần {i}"));
        }

        return list;
    }
}
