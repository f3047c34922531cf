namespace OneStop.Core.Fees;

/// <summary>The fee units the catalogue uses (procedures.json fees[].unit).</summary>
public static class FeeUnits
{
    public const string PerCase = "per_case";
    public const string PerDossier = "per_dossier";
    public const string PerPage = "per_page";
    public const string PerCopy = "per_copy";
    public const string PerCopyMax = "per_copy_max";
    public const string PerContract = "per_contract";
    public const string PerPerson = "per_person";
    public const string PerCertificate = "per_certificate";
}
