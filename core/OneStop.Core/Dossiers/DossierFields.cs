namespace OneStop.Core.Dossiers;

/// <summary>Field names of a dossier record. Form answers live under <see cref="FormPrefix"/>.</summary>
public static class DossierFields
{
    public const string ProcedureCode = "procedure_code";
    public const string ApplicantName = "applicant_name";
    public const string Status = "status";

    /// <summary>Who wrote the status, in the same write as the status, so a timeline pairs them by version.</summary>
    public const string StatusBy = "status_by";
    public const string CreatedAt = "created_at";

    /// <summary>Who made the dossier (the desk user); a volunteer sees only the drafts they made.</summary>
    public const string CreatedBy = "created_by";
    public const string FormPrefix = "form.";

    public const string ReceivedAt = "received_at";
    public const string ReceivedBy = "received_by";

    /// <summary>yyyy-MM-dd, fixed at receipt so every replica and the printed slip show the same date.</summary>
    public const string DueDate = "due_date";

    /// <summary>How the dossier reached the office (<see cref="Statistics.FilingChannelNames"/>); written once, when it is created.</summary>
    public const string Channel = "channel";

    /// <summary>When the dossier left the pending pile (decided or withdrawn); written with that status.</summary>
    public const string ClosedAt = "closed_at";

    /// <summary>true once a result document is attached and issued electronically.</summary>
    public const string ResultDigitised = "result_digitised";

    /// <summary>true when the form was prefilled from the ID card or an earlier dossier.</summary>
    public const string DataReused = "data_reused";

    /// <summary>true when the fee was waived for an exempt group.</summary>
    public const string FeeExempt = "fee_exempt";
}
