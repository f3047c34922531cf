using OneStop.Hub.Audit;
using OneStop.HubConsole.Ports;

namespace OneStop.Hub.AdminConsole;

/// <summary>
/// Every change made through the console (and every sign-in and lookup), with who and when: the hub's own
/// hash chain in <see cref="HubAuditStore"/>, the one place the hub's audit lives. (The older console_audit table
/// is no longer written; its rows stay for reading with SQL.)
/// </summary>
public sealed class ConsoleAuditLog(ConsoleDatabase database, TimeProvider time) : IConsoleAudit
{
    private readonly HubAuditStore _chain = new(database, time);

    public async Task AppendAsync(string actor, string action, string target, string? detail, CancellationToken cancellationToken) =>
        await _chain.AppendAsync(actor, action, target, detail, cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(int max, CancellationToken cancellationToken) =>
        [.. (await _chain.QueryAsync(new AuditQuery(NodeId: HubAuditStore.HubNode, Max: max), cancellationToken))
            .Select(e => new AuditEntry(e.Chained.Entry.AtMs, e.Chained.Entry.Actor, e.Chained.Entry.Action, e.Chained.Entry.Subject, e.Chained.Entry.Detail))];
}
