using System.Security.Claims;

namespace OneStop.HubConsole.Ports;

/// <summary>
/// Originals of shrunk scans: a node keeps the full-size capture and sends only the small copy, until a province admin
/// asks for the original here. The request reaches the node on its next sync; the original comes back and can be
/// downloaded. Asking and downloading are admin acts, each recorded in the audit.
/// </summary>
public interface IConsoleOriginals
{
    /// <summary>Scan attachments that have an original on their node, newest first, with what was asked and received.</summary>
    Task<IReadOnlyList<OriginalView>> ListAsync(CancellationToken cancellationToken);

    Task<ConsoleResult> RequestAsync(ClaimsPrincipal actor, Guid attachmentId, CancellationToken cancellationToken);

    /// <summary>The received original for download; null when it has not arrived or the actor may not have it.</summary>
    Task<OriginalDownload?> DownloadAsync(ClaimsPrincipal actor, Guid attachmentId, CancellationToken cancellationToken);
}

public enum OriginalState
{
    NotRequested,
    Requested,
    Received,
}

public sealed record OriginalView(Guid AttachmentId, string CommuneCode, string FileName, long Size, OriginalState State, string? RequestedBy, long? RequestedMs, long? ReceivedMs);

public sealed record OriginalDownload(string FileName, string ContentType, byte[] Content);
