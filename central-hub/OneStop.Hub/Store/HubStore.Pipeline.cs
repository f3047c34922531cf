using OneStop.Core.Changes;
using OneStop.Hub.Nodes;

namespace OneStop.Hub.Store;

/// <summary>Pipelined pushes: batches of one node applied in seq order whatever order they arrive in.</summary>
public sealed partial class HubStore
{
    /// <summary>Push batches a node may have in flight (HelloReply.max_pushes_in_flight).</summary>
    public const int MaxPushesInFlight = 4;

    private readonly PushTurns _turns = new(time);

    /// <summary>
    /// <see cref="PushAsync(NodeIdentity, string, IReadOnlyList{ChangeEntry}, CancellationToken)"/> once every batch ahead of this one (by seq) is applied, the one ahead failed, or
    /// <paramref name="patience"/> ran out; then the store's own checks decide as for any push.
    /// </summary>
    public async Task<PushOutcome> PushInTurnAsync(NodeIdentity node, string incarnation, IReadOnlyList<ChangeEntry> entries, TimeSpan patience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count > 0)
        {
            await _turns.WaitAsync(node.NodeId, incarnation, entries.Min(e => e.OriginSeq), () => ReadAppliedAsync(node.NodeId, incarnation, cancellationToken), patience, cancellationToken);
        }

        try
        {
            var outcome = await PushAsync(node, incarnation, entries, cancellationToken);
            _turns.Applied(node.NodeId, incarnation, outcome.AckedSeq);
            return outcome;
        }
        catch
        {
            _turns.Failed(node.NodeId, incarnation);
            throw;
        }
    }

    private async Task<long> ReadAppliedAsync(string nodeId, string incarnation, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await IncarnationTable.ReadAckedAsync(connection, null, nodeId, incarnation, cancellationToken);
    }
}
