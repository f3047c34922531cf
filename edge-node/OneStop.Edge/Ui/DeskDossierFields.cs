using OneStop.Core.Dossiers;
using OneStop.Core.Merge;

namespace OneStop.Edge.Ui;

/// <summary>Dossier fields the desk writes, named once in <see cref="DossierFields"/> so the hub's reports read the same names.</summary>
public static class DeskDossierFields
{
    public const string ReceivedAt = DossierFields.ReceivedAt;
    public const string ReceivedBy = DossierFields.ReceivedBy;

    /// <summary>yyyy-MM-dd, fixed at receipt so every replica and the printed slip show the same date.</summary>
    public const string DueDate = DossierFields.DueDate;

    /// <summary>Append-only: two offices recording a payment each keep both.</summary>
    public const string Payments = AppendOnlyFields.Payments;
}
