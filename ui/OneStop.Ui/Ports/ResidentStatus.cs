using OneStop.Core.Dossiers;

namespace OneStop.Ui.Ports;

/// <summary>The public view of a dossier behind the slip's QR: the procedure and where it stands, no personal data.</summary>
public sealed record ResidentStatus(Guid Id, string ProcedureNameVi, string ProcedureNameEn, DossierStatus Status, DateOnly? DueDate);
