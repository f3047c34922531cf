namespace OneStop.Core.Dossiers;

/// <summary>Field names of a dossier record. Form answers live under <see cref="FormPrefix"/>.</summary>
public static class DossierFields
{
    public const string ProcedureCode = "procedure_code";
    public const string ApplicantName = "applicant_name";
    public const string Status = "status";
    public const string CreatedAt = "created_at";
    public const string FormPrefix = "form.";
}
