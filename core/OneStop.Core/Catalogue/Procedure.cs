namespace OneStop.Core.Catalogue;

/// <summary>An administrative procedure (thủ tục) as the catalogue describes it to staff and residents.</summary>
public sealed record Procedure(
    string Code,
    string NameVi,
    string NameEn,
    string FieldVi,
    string FieldEn,
    int WorkingDays,
    bool SameDay,
    IReadOnlyList<ProcedureFee> Fees,
    IReadOnlyList<RequiredDocument> RequiredDocuments,
    string FormJson);

public sealed record ProcedureFee(long? AmountVnd, string Unit, string? NoteVi);

public sealed record RequiredDocument(string NameVi, string NameEn, bool Required, string Kind);
