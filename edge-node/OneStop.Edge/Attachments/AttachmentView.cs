using System.Text.Json;
using OneStop.Storage;

namespace OneStop.Edge.Attachments;

/// <summary>An attachment's metadata as screens and the API show it.</summary>
public sealed record AttachmentView(Guid Id, Guid DossierId, string FileName, string ContentType, long Size, string Sha256)
{
    public static AttachmentView From(RecordData record)
    {
        using var document = JsonDocument.Parse(record.DataJson);
        var root = document.RootElement;
        return new AttachmentView(
            record.Id,
            root.TryGetProperty("dossier_id", out var dossier) ? dossier.GetGuid() : Guid.Empty,
            root.TryGetProperty("file_name", out var name) ? name.GetString() ?? string.Empty : string.Empty,
            root.TryGetProperty("content_type", out var type) ? type.GetString() ?? string.Empty : string.Empty,
            root.TryGetProperty("size", out var size) ? size.GetInt64() : 0,
            root.TryGetProperty("sha256", out var sha) ? sha.GetString() ?? string.Empty : string.Empty);
    }
}
