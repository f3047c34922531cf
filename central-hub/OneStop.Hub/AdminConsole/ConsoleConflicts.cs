using System.Security.Claims;
using OneStop.Core.Merge;
using OneStop.Hub.Store;
using OneStop.HubConsole.Ports;

namespace OneStop.Hub.AdminConsole;

/// <summary>The conflicts page's door: the same list and resolve calls as <c>/api/conflicts</c>, with the signed-in admin audited.</summary>
public sealed class ConsoleConflicts(HubStore store, ConsoleAuditLog audit) : IConsoleConflicts
{
    public async Task<IReadOnlyList<ConflictView>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListConflictsAsync(null, cancellationToken)).Select(c => new ConflictView(
            c.Id, c.Conflict.RecordId, c.RecordType, c.Scope, c.Conflict.Field,
            c.Conflict.Winner.Json, c.Conflict.Winner.Version.Node, c.Conflict.Winner.Version.WallMs,
            c.Conflict.Loser.Json, c.Conflict.Loser.Version.Node, c.Conflict.Loser.Version.WallMs))];

    public async Task<ConsoleResult> ResolveAsync(ClaimsPrincipal actor, Guid conflictId, ConflictSide keep, CancellationToken cancellationToken)
    {
        if (ConsoleWrites.RefuseUnlessAdmin(actor, "conflicts.error.forbidden") is { } refused)
        {
            return refused;
        }

        var open = (await store.ListConflictsAsync(null, cancellationToken)).FirstOrDefault(c => c.Id == conflictId);
        var side = keep == ConflictSide.Winner ? open?.Conflict.Winner : open?.Conflict.Loser;
        if (open is null || side?.Json is not { } json)
        {
            return ConsoleResult.Refused("conflicts.error.gone");
        }

        try
        {
            if (await store.ResolveConflictAsync(conflictId, json, cancellationToken) is null)
            {
                return ConsoleResult.Refused("conflicts.error.gone");
            }
        }
        catch (ResolutionRefusedException)
        {
            return ConsoleResult.Refused("conflicts.error.refused");
        }

        // The value itself may be personal data: the audit names the side and whose write it was.
        await audit.AppendAsync(ConsoleWrites.Actor(actor), "conflict.resolve", $"{open.Scope}/{open.Conflict.RecordId:N}/{open.Conflict.Field}",
            $"{keep.ToString().ToLowerInvariant()} ({side.Version.Node})", cancellationToken);
        return ConsoleResult.Ok;
    }
}
