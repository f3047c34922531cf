using OneStop.Core.Merge;

namespace OneStop.Edge.Ui;

/// <summary>Dossier fields the desk writes beyond those of <see cref="OneStop.Core.Dossiers.DossierFields"/>.</summary>
public static class DeskDossierFields
{
    public const string ReceivedAt = "received_at";
    public const string ReceivedBy = "received_by";

    /// <summary>yyyy-MM-dd, fixed at receipt so every replica and the printed slip show the same date.</summary>
    public const string DueDate = "due_date";

    /// <summary>Append-only: two offices recording a payment each keep both.</summary>
    public const string Payments = AppendOnlyFields.Payments;
}
