using OneStop.Core.Slips;

namespace OneStop.Ui.Ports;

/// <summary>
/// A dossier's digital result: the document and its signed QR. The host's adapter checks the role (staff who may
/// change a dossier's status) on issue; checking a result QR needs no sign-in.
/// </summary>
public interface IDeskResults
{
    Task<DeskResult?> FindAsync(Guid dossierId, CancellationToken cancellationToken = default);

    /// <exception cref="DeskValidationException">The dossier is not approved, or the file is refused.</exception>
    Task<DeskResult> IssueAsync(Guid dossierId, string fileName, string contentType, byte[] content, CancellationToken cancellationToken = default);

    /// <summary>Checks a result QR's text (the whole verify URL or its sealed part) offline.</summary>
    Task<ResultVerification> VerifyAsync(string scanned, CancellationToken cancellationToken = default);
}

/// <param name="AttachmentId">The attachment holding the document.</param>
/// <param name="FileName">The document's file name.</param>
/// <param name="Sha256">SHA-256 of the document, hex.</param>
/// <param name="SealedText">The signed result QR text.</param>
public sealed record DeskResult(Guid AttachmentId, string FileName, string Sha256, string SealedText);
