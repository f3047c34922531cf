using System.Security.Claims;
using OneStop.Core.Changes;
using OneStop.Hub.Attachments;
using OneStop.Hub.Store;
using OneStop.HubConsole.Ports;
using OneStop.HubConsole.Security;

namespace OneStop.Hub.AdminConsole;

/// <summary>The console's side of <see cref="OriginalRequests"/>: admins ask and download, every act in the audit first.</summary>
public sealed class ConsoleOriginals(HubStore store, OriginalRequests requests, ConsoleAuditLog audit) : IConsoleOriginals
{
    private const int MaxRows = 200;

    public async Task<IReadOnlyList<OriginalView>> ListAsync(CancellationToken cancellationToken)
    {
        var asked = (await requests.ListAllAsync(cancellationToken)).ToDictionary(r => r.AttachmentId);
        var attachments = await store.ListAsync(RecordTypes.Attachment, null, int.MaxValue, cancellationToken);
        // UUIDv7 ids sort by creation time: newest first.
        return [.. attachments
            .Select(r => AttachmentOriginal.Of(r.Id, r.Scope, r.DataJson))
            .OfType<AttachmentOriginal>()
            .OrderByDescending(o => o.AttachmentId)
            .Take(MaxRows)
            .Select(o => View(o, asked.GetValueOrDefault(o.AttachmentId)))];
    }

    public async Task<ConsoleResult> RequestAsync(ClaimsPrincipal actor, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (ConsoleWrites.RefuseUnlessAdmin(actor, "originals.error.admin") is { } refused)
        {
            return refused;
        }

        if (await requests.OriginalOfAsync(attachmentId, cancellationToken) is not { } original)
        {
            return ConsoleResult.Refused("originals.error.none");
        }

        await audit.AppendAsync(ConsoleWrites.Actor(actor), "original.request", $"{original.Scope}/{attachmentId}", original.Sha256, cancellationToken);
        await requests.RequestAsync(attachmentId, ConsoleWrites.Actor(actor), cancellationToken);
        return ConsoleResult.Ok;
    }

    public async Task<OriginalDownload?> DownloadAsync(ClaimsPrincipal actor, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(ConsoleRoles.Admin) || await requests.OriginalOfAsync(attachmentId, cancellationToken) is not { } original
            || await requests.ReadOriginalAsync(attachmentId, cancellationToken) is not { } found)
        {
            return null;
        }

        // Personal data leaving the hub: recorded before the bytes go.
        await audit.AppendAsync(ConsoleWrites.Actor(actor), "original.download", $"{original.Scope}/{attachmentId}", original.Sha256, cancellationToken);
        return new OriginalDownload(DownloadName(original), found.ContentType, found.Content);
    }

    private static string DownloadName(AttachmentOriginal original) =>
        "original-" + (string.IsNullOrEmpty(original.FileName) ? original.AttachmentId.ToString("N") : original.FileName);

    private static OriginalView View(AttachmentOriginal original, OriginalRequest? request) => new(
        original.AttachmentId,
        original.Scope,
        original.FileName,
        original.Size,
        request switch
        {
            null => OriginalState.NotRequested,
            { ReceivedMs: null } => OriginalState.Requested,
            _ => OriginalState.Received,
        },
        request?.RequestedBy,
        request?.RequestedMs,
        request?.ReceivedMs);
}
