using OneStop.Core.Dossiers;

namespace OneStop.Core.Statistics;

/// <summary>
/// What the province's rates need to know about one dossier, each fact recorded when it happened
/// (see docs/statistics.md). Dates are the office's legal dates in Vietnam time.
/// </summary>
/// <param name="Commune">Commune code of the office that holds the dossier.</param>
/// <param name="ProcedureCode">Catalogue code of the procedure.</param>
/// <param name="Status">Where the dossier stands now.</param>
/// <param name="Channel">How it reached the office.</param>
/// <param name="ReceivedBy">User name of the officer who received it; null for drafts.</param>
/// <param name="ReceivedOn">Date of receipt; null while a draft.</param>
/// <param name="DueOn">Date printed on the slip as the result date.</param>
/// <param name="ClosedOn">Date the dossier left the pending pile: decided (approved, rejected) or withdrawn.</param>
/// <param name="Fee">How the fee was settled.</param>
/// <param name="ResultDigitised">A result document was attached and issued electronically.</param>
/// <param name="DataReused">The form was prefilled from the ID card or an earlier dossier instead of re-entered.</param>
/// <param name="Rating">The resident's 1–5 rating, when given.</param>
/// <param name="RatedOn">Date the rating was given.</param>
public sealed record DossierFacts(
    string Commune,
    string ProcedureCode,
    DossierStatus Status,
    FilingChannel Channel,
    string? ReceivedBy,
    DateOnly? ReceivedOn,
    DateOnly? DueOn,
    DateOnly? ClosedOn,
    FeeSettlement Fee,
    bool ResultDigitised,
    bool DataReused,
    int? Rating = null,
    DateOnly? RatedOn = null)
{
    /// <summary>Decided with a result the resident can use (the denominator of the digitised rate).</summary>
    public bool HasResult => Status is DossierStatus.Approved or DossierStatus.ResultReturned;

    /// <summary>Decided either way; a withdrawn dossier is closed but not settled.</summary>
    public bool IsSettled => HasResult || Status == DossierStatus.Rejected;
}
