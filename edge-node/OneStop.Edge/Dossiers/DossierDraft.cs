namespace OneStop.Edge.Dossiers;

/// <summary>What intake sends to open a dossier: the procedure, who applies, and the form answers.</summary>
public sealed record DossierDraft(string ProcedureCode, string ApplicantName, IReadOnlyDictionary<string, string>? Form, bool AsDraft = false)
{
    /// <summary>Today's date as a person confirmed it; required to receive while the node's clock is suspect (docs/clock.md).</summary>
    public DateOnly? ConfirmedDate { get; init; }

    /// <summary>The answers were prefilled from the ID card or an earlier dossier of the same person (the reuse rate, docs/statistics.md).</summary>
    public bool DataReused { get; init; }
}
