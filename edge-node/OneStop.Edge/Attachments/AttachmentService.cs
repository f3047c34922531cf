using System.Text.Json;
using Microsoft.Extensions.Options;
using OneStop.Core.Attachments;
using OneStop.Core.Changes;
using OneStop.Edge.Dossiers;
using OneStop.Edge.Store;

namespace OneStop.Edge.Attachments;

/// <summary>Scans and photos attached to a dossier: stored on the node at once, uploaded after their records.</summary>
public sealed class AttachmentService(EdgeStore store, BlobStore blobs, DossierService dossiers, IOptions<EdgeOptions> options, TimeProvider time, Scans.ScanIntake? scans = null)
{
    public async Task<AttachmentView> AddAsync(Guid dossierId, string fileName, string contentType, byte[] content, CancellationToken cancellationToken = default)
    {
        if (content.Length == 0)
        {
            throw new IntakeException("file", "Tệp đính kèm trống.", "The attachment is empty.");
        }

        var limit = options.Value.MaxAttachmentBytes;
        if (content.LongLength > limit)
        {
            throw TooLarge(limit);
        }

        if (!AttachmentRules.IsAllowed(contentType))
        {
            throw new IntakeException("file", "Chỉ nhận tệp PDF, JPEG, PNG, TIFF hoặc WebP.", $"Only PDF, JPEG, PNG, TIFF or WebP files are accepted, not '{AttachmentRules.MediaType(contentType)}'.");
        }

        contentType = AttachmentRules.MediaType(contentType);
        fileName = AttachmentRules.SafeFileName(fileName);
        var dossier = await dossiers.GetAsync(dossierId, cancellationToken)
            ?? throw new IntakeException("dossier", "Không tìm thấy hồ sơ.", $"No dossier {dossierId}.");
        // A page photo or scan travels as its small copy; the original stays on this node.
        var intake = scans is null ? new Scans.IntakeContent(content, contentType, null) : await scans.PrepareAsync(content, contentType, cancellationToken);
        (content, contentType) = (intake.Content, intake.ContentType);
        var sha = BlobStore.HashOf(content);
        var metadata = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["dossier_id"] = JsonSerializer.Serialize(dossier.Id),
            ["file_name"] = JsonSerializer.Serialize(fileName),
            ["content_type"] = JsonSerializer.Serialize(contentType),
            ["size"] = content.LongLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sha256"] = JsonSerializer.Serialize(sha),
        };
        if (intake.Original is { } original)
        {
            metadata["original_sha256"] = JsonSerializer.Serialize(original.Sha256);
            metadata["original_size"] = original.Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
            metadata["original_content_type"] = JsonSerializer.Serialize(original.ContentType);
        }

        var id = Guid.CreateVersion7(time.GetUtcNow());
        await store.AddAttachmentAsync(id, dossier.Scope, metadata, sha, contentType, content, cancellationToken);
        return new AttachmentView(id, dossier.Id, fileName, contentType, content.LongLength, sha);
    }

    /// <summary>The refusal of a file over the node's limit, also raised by the API before it buffers the body.</summary>
    public static IntakeException TooLarge(long limit) =>
        new("file", $"Tệp quá lớn: tối đa {limit / (1024 * 1024)} MB.", $"The file is too large: at most {limit / (1024 * 1024)} MB.");

    public async Task<IReadOnlyList<AttachmentView>> ListForDossierAsync(Guid dossierId, CancellationToken cancellationToken = default)
    {
        var records = await store.ListAsync(RecordTypes.Attachment, 10_000, cancellationToken);
        return [.. records.Select(AttachmentView.From).Where(a => a.DossierId == dossierId)];
    }

    /// <summary>The content of an attachment if this node holds it (it may hold only the record, pulled from the hub).</summary>
    public async Task<(AttachmentView View, byte[] Content)?> ReadAsync(Guid attachmentId, CancellationToken cancellationToken = default)
    {
        var record = await store.GetAsync(attachmentId, cancellationToken);
        if (record is null || record.Type != RecordTypes.Attachment)
        {
            return null;
        }

        var view = AttachmentView.From(Storage.RecordData.Of(record));
        var content = await blobs.ReadAsync(view.Sha256, cancellationToken);
        return content is null ? null : (view, content);
    }
}
