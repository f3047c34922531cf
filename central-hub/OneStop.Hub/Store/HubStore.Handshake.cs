namespace OneStop.Hub.Store;

public sealed partial class HubStore
{
    /// <summary>
    /// A Hello's two bookkeeping writes (<see cref="RecordHelloAsync"/>, <see cref="RecordIncarnationHelloAsync"/>)
    /// on one connection in one turn of the writers' queue: every turn and every connection opened is time the
    /// other nodes' Hellos and pushes wait behind, and that wait was the tail of Hello's latency.
    /// </summary>
    public Task<(long Acked, bool EarlierIncarnations)> RecordHandshakeAsync(NodeHello hello, IncarnationHello incarnation, CancellationToken cancellationToken = default) =>
        _writer.QueuedAsync(async () =>
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            (long Acked, bool EarlierIncarnations) result = default;
            await database.RunBookkeepingAsync(connection, async () =>
            {
                await WriteNodeStateAsync(connection, hello, cancellationToken);
                result = await IncarnationTable.RecordHelloAsync(database, connection, incarnation, cancellationToken);
            }, cancellationToken);
            return result;
        }, cancellationToken);
}
