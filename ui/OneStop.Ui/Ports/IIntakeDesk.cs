using OneStop.Core.Catalogue;
using OneStop.Core.Dossiers;
using OneStop.Core.Forms;

namespace OneStop.Ui.Ports;

/// <summary>
/// What the intake screens ask of the node. The host's adapter checks the signed-in person's role on
/// every call (<see cref="Security.DeskPermissions"/>) and throws <see cref="Security.DeskForbiddenException"/>
/// when it does not allow the action, whatever the screen showed.
/// </summary>
public interface IIntakeDesk
{
    DeskSettings Settings { get; }

    Task<IReadOnlyList<Procedure>> ListProceduresAsync(CancellationToken cancellationToken = default);

    Task<Procedure?> FindProcedureAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>
    /// The procedure's intake form with shared option lists resolved: the version in force, or <paramref name="formVersion"/>
    /// (a dossier's <see cref="DeskDossier.FormVersion"/>) when given; null for an unknown procedure.
    /// </summary>
    Task<FormSchema?> FindFormAsync(string procedureCode, int? formVersion = null, CancellationToken cancellationToken = default);

    /// <summary>Validates and saves a new dossier: a draft, or received at once when <see cref="DossierFiling.Receive"/> is set.</summary>
    /// <exception cref="DeskValidationException">The answers do not pass the form's checks.</exception>
    Task<DeskDossier> FileAsync(DossierFiling filing, CancellationToken cancellationToken = default);

    Task<DeskDossier?> GetDossierAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Receives a draft: checks its answers again and fixes the due date in working days.</summary>
    Task<DeskDossier> ReceiveAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Moves a dossier along the state machine; receiving goes through <see cref="ReceiveAsync"/>.</summary>
    /// <exception cref="DeskValidationException">A reject, withdraw or supplement request without a reason.</exception>
    Task<DeskDossier> ChangeStatusAsync(Guid id, DossierStatus to, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Records the fee as paid; the amount comes from the synced fee table, not from the screen.</summary>
    Task<DeskDossier> CollectFeeAsync(Guid id, PaymentMethod method, CancellationToken cancellationToken = default);

    /// <summary>What a resident may see from the slip's QR code without signing in: no personal data.</summary>
    Task<ResidentStatus?> FindResidentStatusAsync(Guid id, CancellationToken cancellationToken = default);
}
