namespace OneStop.Core.Fees;

/// <summary>One line of the quote: what is charged, how it was counted and, when waived, why.</summary>
/// <param name="Key">Fee key in the catalogue, or "copy_certification" for the combined page fee.</param>
/// <param name="LabelVi">Label for the slip in Vietnamese.</param>
/// <param name="LabelEn">Label in English.</param>
/// <param name="UnitAmountVnd">Amount per unit (per copy for copy certification).</param>
/// <param name="Quantity">Units counted (copies, persons, contracts; 1 per case).</param>
/// <param name="AmountVnd">Line total in đồng after any exemption; null when the catalogue has no amount (the hub prices it).</param>
/// <param name="ExemptionVi">Why the line is waived, in Vietnamese; null when charged.</param>
/// <param name="ExemptionEn">Why the line is waived, in English.</param>
public sealed record FeeLine(
    string Key,
    string LabelVi,
    string LabelEn,
    long? UnitAmountVnd,
    int Quantity,
    long? AmountVnd,
    string? ExemptionVi,
    string? ExemptionEn);

/// <summary>An itemised fee quote; <see cref="IsComplete"/> is false when a line has no known amount.</summary>
public sealed record FeeQuote(string ProcedureCode, IReadOnlyList<FeeLine> Lines, IReadOnlyList<string> Notes)
{
    public long TotalVnd => Lines.Sum(l => l.AmountVnd ?? 0);

    public bool IsComplete => Lines.All(l => l.AmountVnd is not null);

    /// <summary>Every line was waived by an exemption: the dossier counts as fee-exempt, not as unpaid (docs/statistics.md).</summary>
    public bool IsExempt => Lines.Count > 0 && Lines.All(l => l.ExemptionVi is not null);
}
