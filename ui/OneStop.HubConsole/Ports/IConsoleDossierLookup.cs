using System.Security.Claims;

namespace OneStop.HubConsole.Ports;

/// <summary>
/// Read-only dossier lookup for province accounts. Every search and every opened dossier is personal data seen, so
/// each call is recorded in the audit with who and when.
/// </summary>
public interface IConsoleDossierLookup
{
    /// <summary>By dossier code (the 12 characters on the slip), applicant name, or a 12-digit CCCD in the form.</summary>
    Task<IReadOnlyList<DossierHit>> SearchAsync(ClaimsPrincipal actor, string query, CancellationToken cancellationToken);

    Task<DossierRead?> ReadAsync(ClaimsPrincipal actor, Guid id, CancellationToken cancellationToken);
}

public sealed record DossierHit(Guid Id, string Code, string CommuneCode, string ProcedureCode, string ApplicantName, string Status, string? ReceivedAt);

public sealed record DossierRead(DossierHit Dossier, IReadOnlyList<KeyValuePair<string, string>> Fields);
