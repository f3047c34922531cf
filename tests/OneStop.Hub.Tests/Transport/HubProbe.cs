using Grpc.Core;
using OneStop.Core.Changes;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.Protocol;
using OneStop.Protocol.V1;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests.Transport;

/// <summary>What every transport test ends with: a real node still says hello, pushes and pulls its own record back.</summary>
internal static class HubProbe
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static Metadata NodeAHeaders() => new()
    {
        { NodeHeaders.NodeId, NodeA },
        { NodeHeaders.Authorization, "Bearer " + KeyA },
    };

    public static Dictionary<string, string> NodeARawHeaders() => new()
    {
        [NodeHeaders.NodeId] = NodeA,
        [NodeHeaders.Authorization] = "Bearer " + KeyA,
    };

    public static async Task AssertServesANodeAsync(HubTestHost hub)
    {
        using var node = hub.Client(NodeB, KeyB);
        var hello = await node.Sync.HelloAsync(new HelloRequest { NodeId = NodeB, CommuneCode = CommuneB }).WaitAsync(Patience);
        var entry = Changes.Dossier(NodeB, hello.AckedOriginSeq + 1, CommuneB, "Sùng A Páo");
        var push = await node.Sync.PushAsync(Changes.Push(NodeB, entry)).WaitAsync(Patience);
        var pulled = new List<string>();
        await foreach (var reply in node.Sync.PullAsync(new PullRequest { NodeId = NodeB }))
        {
            pulled.AddRange(reply.Entries.Select(e => e.Change.RecordId));
        }

        Assert.Equal("hub", hello.HubId);
        Assert.Equal(entry.OriginSeq, push.AckedOriginSeq);
        Assert.Contains(entry.RecordId.ToString(), pulled);
    }

    /// <summary>Records, log head and acknowledgements: what a refused or anonymous call must leave as it was.</summary>
    public static async Task<string> SnapshotAsync(HubTestHost hub)
    {
        var dossiers = await hub.Store.ListAsync(RecordTypes.Dossier, null, 10_000);
        var nodes = await hub.Store.ListNodeStatesAsync();
        return string.Join('\n', dossiers.OrderBy(d => d.Id).Select(d => $"{d.Id} {d.Scope} {d.DataJson}"))
            + $"\nhead={await hub.Store.ReadLogHeadAsync()}\n"
            + string.Join('\n', nodes.Where(n => n.AckedSeq > 0).Select(n => $"{n.NodeId}:{n.AckedSeq}"));
    }
}
