using Microsoft.AspNetCore.Components.Authorization;
using OneStop.Core.Audit;
using OneStop.Core.Changes;
using OneStop.Edge.Audit;
using OneStop.Edge.Store;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Edge.Ui;

/// <summary>The conflict port over the store's conflict index; resolving is a logged write that travels like any other.</summary>
public sealed class EdgeDeskConflicts(EdgeStore store, AuthenticationStateProvider authentication, Audit.EdgeAuditLog? audit = null) : IDeskConflicts
{
    public async Task<IReadOnlyList<DeskConflict>> ListAsync(CancellationToken cancellationToken = default)
    {
        await DeskUser.RequireAsync(authentication, DeskAction.ResolveConflicts);
        return [.. (await store.ListConflictsAsync(cancellationToken)).Select(open => new DeskConflict(
            open.Id,
            open.Conflict.RecordId,
            open.RecordType,
            open.Conflict.Field,
            Side(open.Conflict.Winner),
            Side(open.Conflict.Loser)))];
    }

    public async Task<bool> ResolveAsync(Guid conflictId, ConflictSideChoice keep, CancellationToken cancellationToken = default)
    {
        var user = await DeskUser.RequireAsync(authentication, DeskAction.ResolveConflicts);
        var open = (await store.ListConflictsAsync(cancellationToken)).FirstOrDefault(c => c.Id == conflictId);
        var chosen = open is null ? null : keep == ConflictSideChoice.Shown ? open.Conflict.Winner : open.Conflict.Loser;
        // A deleted side has no value to write back; the screen offers no button for it.
        if (chosen?.Json is not { } json)
        {
            return false;
        }

        await audit.RecordAsync(user, AuditActions.Changed, open!.Conflict.RecordId.ToString(), "conflict resolved: " + open.Conflict.Field, cancellationToken);
        return await store.ResolveConflictAsync(conflictId, json, cancellationToken) is not null;
    }

    private static ConflictSide Side(FieldChange write) =>
        new(write.Deleted ? null : write.Json, write.Version.Node, DateTimeOffset.FromUnixTimeMilliseconds(write.Version.WallMs));
}

