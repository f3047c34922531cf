using Microsoft.AspNetCore.Components.Authorization;
using OneStop.Core.Audit;
using OneStop.Core.Dossiers;
using OneStop.Edge.Audit;
using OneStop.Edge.Dossiers;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Edge.Ui;

/// <summary>Draft edits and corrections over <see cref="DossierCorrector"/>; who may do which is checked here, on the server.</summary>
public sealed class EdgeDeskDossierEdits(DossierCorrector corrector, IIntakeDesk desk, AuthenticationStateProvider authentication, Audit.EdgeAuditLog? audit = null) : IDeskDossierEdits
{
    public async Task<DeskDossier> SaveAsync(Guid id, string applicantName, IReadOnlyDictionary<string, string?> answers, string? reason, CancellationToken cancellationToken = default)
    {
        var dossier = await desk.GetDossierAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"No dossier {id}.");
        // Finishing a draft is drafting; changing what was received is the receiving officer's business.
        var user = await authentication.RequireAsync(dossier.Status == DossierStatus.Draft ? DeskAction.SaveDraft : DeskAction.ReceiveDossier);
        try
        {
            await corrector.SaveAsync(id, applicantName, answers, user.UserName(), reason, cancellationToken);
            await audit.RecordAsync(user, AuditActions.Changed, id.ToString(), reason is null ? "edited" : "corrected: " + reason, cancellationToken);
        }
        catch (IntakeException ex)
        {
            throw new DeskValidationException(ex.Errors);
        }

        return await desk.GetDossierAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"No dossier {id}.");
    }

    public async Task<IReadOnlyList<Correction>> ListCorrectionsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await authentication.RequireAsync(DeskAction.ReadDossiers);
        return await corrector.ListAsync(id, cancellationToken);
    }
}
