using OneStop.HubConsole.Ports;

namespace OneStop.Hub.Audit;

/// <summary>The console's audit page over <see cref="HubAuditStore"/>.</summary>
public sealed class ConsoleAuditChains(HubAuditStore store) : IConsoleAuditChains
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public async Task<IReadOnlyList<AuditRow>> SearchAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new AuditQuery(
            filter.NodeId,
            filter.Actor,
            filter.Dossier,
            filter.From is { } from ? StartOf(from) : null,
            filter.To is { } to ? StartOf(to.AddDays(1)) : null);
        return [.. (await store.QueryAsync(query, cancellationToken)).Select(e => new AuditRow(
            e.NodeId, e.Chained.Entry.Sequence, e.Chained.Entry.AtMs, e.Chained.Entry.Actor, e.Chained.Entry.Action, e.Chained.Entry.Subject, e.Chained.Entry.Detail))];
    }

    public async Task<IReadOnlyList<AuditChainCheck>> VerifyAsync(string? nodeId, CancellationToken cancellationToken) =>
        [.. (await store.VerifyAsync(string.IsNullOrWhiteSpace(nodeId) ? null : nodeId.Trim(), cancellationToken)).Select(r => new AuditChainCheck(
            r.Chain.NodeId,
            r.Chain.ChainId,
            r.Result.Entries,
            r.Result.Break?.Sequence,
            r.Result.Break?.Reason.ToString(),
            r.Chain.FlaggedBreak?.Sequence,
            r.Chain.FlaggedBreak?.Reason.ToString()))];

    public async Task<IReadOnlyList<AuditChainCheck>> FlaggedAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListChainsAsync(cancellationToken)).Where(c => c.FlaggedBreak is not null).Select(c => new AuditChainCheck(
            c.NodeId, c.ChainId, c.LastSequence, null, null, c.FlaggedBreak?.Sequence, c.FlaggedBreak?.Reason.ToString()))];

    private static long StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Vietnam).ToUnixTimeMilliseconds();
}
