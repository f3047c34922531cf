using OneStop.Core.Dossiers;

namespace OneStop.Ui.Ports;

/// <summary>
/// Editing a dossier after it was saved: a draft is finished later (by anyone who may save drafts); a received dossier
/// is corrected by staff, with a reason that stays in its history (<see cref="DossierCorrections"/>).
/// </summary>
public interface IDeskDossierEdits
{
    /// <param name="id">The dossier.</param>
    /// <param name="applicantName">The name as it should be.</param>
    /// <param name="answers">Every answer as it should be; blank clears.</param>
    /// <param name="reason">Why; required once received.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="DeskValidationException">No reason, or an answer the form refuses.</exception>
    Task<DeskDossier> SaveAsync(Guid id, string applicantName, IReadOnlyDictionary<string, string?> answers, string? reason, CancellationToken cancellationToken = default);

    /// <summary>Corrections made after receipt, oldest first, from every office.</summary>
    Task<IReadOnlyList<Correction>> ListCorrectionsAsync(Guid id, CancellationToken cancellationToken = default);
}
