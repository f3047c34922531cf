using System.Data.Common;

namespace OneStop.Hub.Store;

/// <summary>
/// Every write of the hub goes through here: the shared <see cref="OneStop.Storage.StoreWriter"/> (queue,
/// transaction, clock save, commit, retry), with the engine's locks on what the write changes taken first and
/// its log entries appended last, when the engine can number them in commit order.
/// </summary>
public sealed partial class HubStore
{
    private static string NodeKey(string nodeId) => "node:" + nodeId;

    // Records are locked by scope, not one by one: every record of a push is of the pushing node's commune, so
    // one lock covers them (a lock per record ran PostgreSQL's lock table out of memory with 200 nodes pushing
    // 500-entry batches), and nodes of different communes still write in parallel.
    private static string ScopeKey(string scope) => "scope:" + scope;

    private Task<T> WriteAsync<T>(string owner, IEnumerable<string> scopes, Func<DbConnection, DbTransaction, List<PendingLogEntry>, Task<T>> body, CancellationToken cancellationToken, bool saveClock = true)
    {
        var keys = scopes.Select(ScopeKey).Prepend(owner).ToList();
        return _writer.WriteAsync(async (connection, transaction) =>
        {
            await database.LockAsync(connection, transaction, keys, cancellationToken);
            var log = new List<PendingLogEntry>();
            var result = await body(connection, transaction, log);
            await database.AppendLogAsync(connection, transaction, log, cancellationToken);
            return result;
        }, saveClock ? Clock : null, cancellationToken);
    }
}
