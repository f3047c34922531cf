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
    public const string FormPrefix = "form.";
}
