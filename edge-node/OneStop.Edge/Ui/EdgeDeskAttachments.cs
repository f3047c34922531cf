using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using OneStop.Core.Audit;
using OneStop.Core.Dossiers;
using OneStop.Core.Forms;
using OneStop.Edge.Attachments;
using OneStop.Edge.Audit;
using OneStop.Edge.Dossiers;
using OneStop.Edge.Store;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Edge.Ui;

/// <summary>The attachment port over the node's <see cref="AttachmentService"/>; roles and dossier state checked here.</summary>
public sealed class EdgeDeskAttachments(
    AttachmentService attachments,
    BlobStore blobs,
    IIntakeDesk desk,
    AuthenticationStateProvider authentication,
    IOptions<EdgeOptions> options,
    Audit.EdgeAuditLog? audit = null) : IDeskAttachments
{
    /// <summary>What a phone camera, a scanner or a PDF printer makes; nothing a browser would run.</summary>
    private static readonly string[] AcceptedTypes = ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif", "application/pdf"];

    public long MaxBytes => options.Value.MaxAttachmentBytes;

    public async Task<IReadOnlyList<DeskAttachment>> ListAsync(Guid dossierId, CancellationToken cancellationToken = default)
    {
        await DeskUser.RequireAsync(authentication, DeskAction.ReadDossiers);
        var listed = new List<DeskAttachment>();
        foreach (var view in (await attachments.ListForDossierAsync(dossierId, cancellationToken)).OrderBy(v => v.Id))
        {
            listed.Add(Map(view) with { Held = await blobs.HoldsAsync(view.Sha256, cancellationToken) });
        }

        return listed;
    }

    public async Task<DeskAttachment> AddAsync(Guid dossierId, string fileName, string contentType, byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var user = await DeskUser.RequireAsync(authentication, DeskAction.AttachFile);
        var dossier = await desk.GetDossierAsync(dossierId, cancellationToken) ?? throw new KeyNotFoundException($"No dossier {dossierId}.");
        // Volunteers help fill a draft; once staff have received the dossier its documents are the desk's to change.
        if (dossier.Status != DossierStatus.Draft && !DeskPermissions.Allows(user.Role(), DeskAction.ReceiveDossier))
        {
            throw new DeskForbiddenException(DeskAction.AttachFile, user.Role());
        }

        var type = (contentType ?? string.Empty).Trim().ToLowerInvariant();
        if (!AcceptedTypes.Contains(type, StringComparer.Ordinal))
        {
            throw Invalid("attachment.type", "Chỉ nhận ảnh (JPEG, PNG, WebP, HEIC) hoặc tệp PDF.", "Only photos (JPEG, PNG, WebP, HEIC) or PDF files are accepted.");
        }

        try
        {
            var view = await attachments.AddAsync(dossierId, string.IsNullOrWhiteSpace(fileName) ? "tep-dinh-kem" : fileName, type, content, cancellationToken);
            await audit.RecordAsync(user, AuditActions.Changed, dossierId.ToString(), "attached " + view.Id, cancellationToken);
            return Map(view);
        }
        catch (IntakeException ex)
        {
            throw Invalid("attachment." + ex.Field, ex.MessageVi, ex.Message);
        }
    }

    public async Task<DeskAttachmentContent?> ReadAsync(Guid dossierId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        var user = await DeskUser.RequireAsync(authentication, DeskAction.ReadDossiers);
        await audit.RecordAsync(user, AuditActions.Exported, dossierId.ToString(), "attachment " + attachmentId, cancellationToken);
        // The dossier in the address must be the attachment's own, so a link cannot be forged across dossiers.
        return await attachments.ReadAsync(attachmentId, cancellationToken) is { } found && found.View.DossierId == dossierId
            ? new DeskAttachmentContent(Map(found.View), found.Content)
            : null;
    }

    private static DeskAttachment Map(AttachmentView view) =>
        new(view.Id, view.DossierId, view.FileName, view.ContentType, view.Size);

    private static DeskValidationException Invalid(string code, string vi, string en) =>
        new([new FieldError("attachment", code, vi, en)]);
}
