namespace OneStop.Edge.Dossiers;

/// <summary>What intake sends to open a dossier: the procedure, who applies, and the form answers.</summary>
public sealed record DossierDraft(string ProcedureCode, string ApplicantName, IReadOnlyDictionary<string, string>? Form, bool AsDraft = false)
{
    /// <summary>Today's date as a person confirmed it; required to receive while the node's clock is suspect (docs/clock.md).</summary>
    public DateOnly? ConfirmedDate { get; init; }
}
