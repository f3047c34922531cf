namespace OneStop.Ui.Ports;

/// <summary>
/// Scans and photos attached to a dossier. The host's adapter checks the role and the dossier's state on every
/// call: volunteers may attach to drafts only.
/// </summary>
public interface IDeskAttachments
{
    /// <summary>Largest file the node accepts, in bytes; the screen refuses bigger files before sending them on.</summary>
    long MaxBytes { get; }

    Task<IReadOnlyList<DeskAttachment>> ListAsync(Guid dossierId, CancellationToken cancellationToken = default);

    /// <summary>Stores the file on the node at once; the sync agent uploads it after the dossier's records.</summary>
    /// <exception cref="DeskValidationException">Empty, too large, or not an image or PDF.</exception>
    Task<DeskAttachment> AddAsync(Guid dossierId, string fileName, string contentType, byte[] content, CancellationToken cancellationToken = default);

    /// <summary>The file, when this node holds its content (a record pulled from the hub may come without it).</summary>
    Task<DeskAttachmentContent?> ReadAsync(Guid dossierId, Guid attachmentId, CancellationToken cancellationToken = default);
}

/// <summary>An attachment's record; its content may still be on its way from the hub.</summary>
public sealed record DeskAttachment(Guid Id, Guid DossierId, string FileName, string ContentType, long Size)
{
    /// <summary>False while the content is still being fetched from the hub (a file a resident attached online).</summary>
    public bool Held { get; init; } = true;
}

public sealed record DeskAttachmentContent(DeskAttachment Attachment, byte[] Content);
