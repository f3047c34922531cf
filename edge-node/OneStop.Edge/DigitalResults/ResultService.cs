using System.Text.Json;
using Microsoft.Extensions.Options;
using OneStop.Core.Changes;
using OneStop.Core.Dossiers;
using OneStop.Core.Slips;
using OneStop.Edge.Attachments;
using OneStop.Edge.Dossiers;
using OneStop.Edge.Store;
using OneStop.Edge.Ui;

namespace OneStop.Edge.DigitalResults;

/// <summary>
/// Issues a dossier's digital result: stores the document as an attachment, signs a result QR over its SHA-256 with
/// the node's slip key (one signing scheme, <see cref="ResultSeal"/>), and marks the dossier digitised, in one write.
/// </summary>
public sealed class ResultService(EdgeStore store, AttachmentService attachments, DossierService dossiers, NodeSigningKey key, IOptions<EdgeOptions> options)
{
    /// <summary>Attaches and seals the result of a decided dossier.</summary>
    /// <exception cref="IntakeException">The dossier is not decided with a result, or the file is refused.</exception>
    public async Task<IssuedResult> IssueAsync(Guid dossierId, string fileName, string contentType, byte[] content, CancellationToken cancellationToken = default)
    {
        var dossier = await dossiers.GetAsync(dossierId, cancellationToken)
            ?? throw new IntakeException("dossier", "Không tìm thấy hồ sơ.", $"No dossier {dossierId}.");
        if (!DossierStatusNames.TryParse(dossier.Status, out var status) || status is not (DossierStatus.Approved or DossierStatus.ResultReturned))
        {
            throw new IntakeException("result", "Chỉ đính kèm kết quả cho hồ sơ đã được duyệt.", "A result is attached only to an approved dossier.");
        }

        var view = await attachments.AddAsync(dossierId, fileName, contentType, content, cancellationToken);
        await PublishKeyAsync(cancellationToken);
        var claim = new ResultClaim(dossierId, options.Value.CommuneCode, options.Value.NodeId, view.Sha256);
        var sealedText = ResultSeal.Encode(claim, key.Sign(ResultSeal.CanonicalBytes(claim)));
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [DossierFields.ResultDigitised] = "true",
            [ResultFields.Attachment] = JsonSerializer.Serialize(view.Id),
            [ResultFields.Sha256] = JsonSerializer.Serialize(view.Sha256),
            [ResultFields.Seal] = JsonSerializer.Serialize(sealedText),
        };
        await store.WriteAsync(dossierId, RecordTypes.Dossier, options.Value.CommuneCode, values, cancellationToken);
        return new IssuedResult(view.Id, view.FileName, view.Sha256, sealedText);
    }

    /// <summary>The result issued for a dossier, if any.</summary>
    public async Task<IssuedResult?> FindAsync(Guid dossierId, CancellationToken cancellationToken = default)
    {
        var record = await store.GetAsync(dossierId, cancellationToken);
        if (record?.GetJson(ResultFields.Seal) is not { } seal || record.GetJson(ResultFields.Attachment) is not { } attachment)
        {
            return null;
        }

        var id = JsonSerializer.Deserialize<Guid>(attachment);
        var found = (await attachments.ListForDossierAsync(dossierId, cancellationToken)).FirstOrDefault(a => a.Id == id);
        return new IssuedResult(id, found?.FileName ?? string.Empty, JsonSerializer.Deserialize<string>(record.GetJson(ResultFields.Sha256) ?? "\"\"") ?? string.Empty, JsonSerializer.Deserialize<string>(seal)!);
    }

    // Written only when missing or changed: the hub needs the key to check this node's QR codes, once.
    private async Task PublishKeyAsync(CancellationToken cancellationToken)
    {
        var id = SigningKeyRecord.IdFor(options.Value.NodeId);
        var spki = JsonSerializer.Serialize(Convert.ToBase64String(key.PublicKeySpki));
        if ((await store.GetAsync(id, cancellationToken))?.GetJson(SigningKeyRecord.PublicKey) == spki)
        {
            return;
        }

        await store.WriteAsync(id, SigningKeyRecord.Type, options.Value.CommuneCode, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [SigningKeyRecord.NodeId] = JsonSerializer.Serialize(options.Value.NodeId),
            [SigningKeyRecord.PublicKey] = spki,
        }, cancellationToken);
    }
}

/// <param name="AttachmentId">The attachment that holds the document.</param>
/// <param name="FileName">Its file name.</param>
/// <param name="Sha256">SHA-256 of the document, hex.</param>
/// <param name="SealedText">The signed result QR text.</param>
public sealed record IssuedResult(Guid AttachmentId, string FileName, string Sha256, string SealedText);
