namespace OneStop.Ui.Ports;

/// <summary>A new dossier as the filing screen sends it.</summary>
/// <param name="ProcedureCode">Catalogue code of the procedure.</param>
/// <param name="ApplicantName">Who hands the dossier in.</param>
/// <param name="Answers">Form answers by field key; dates as yyyy-MM-dd.</param>
/// <param name="Receive">Receive at once (staff) rather than save a draft (anyone).</param>
public sealed record DossierFiling(string ProcedureCode, string ApplicantName, IReadOnlyDictionary<string, string?> Answers, bool Receive)
{
    /// <summary>The answers were prefilled from the ID card's QR or chip, or from an earlier dossier of the same person.</summary>
    public bool DataReused { get; init; }
}
