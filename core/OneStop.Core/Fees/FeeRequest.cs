namespace OneStop.Core.Fees;

/// <summary>The facts of one dossier that decide its fee.</summary>
/// <param name="SubmissionDate">Local date the dossier is received; the statutory deadline is checked against it.</param>
public sealed record FeeRequest(DateOnly SubmissionDate)
{
    /// <summary>Fee lines that apply, by key; null lets <see cref="FeeCalculator.DefaultFeeKeys"/> choose.</summary>
    public IReadOnlyList<string>? FeeKeys { get; init; }

    /// <summary>Copies asked for (per_copy, per_copy_max).</summary>
    public int Copies { get; init; } = 1;

    /// <summary>Pages of the original, for copy certification (per_page).</summary>
    public int Pages { get; init; }

    /// <summary>People on a group list (per_person).</summary>
    public int Persons { get; init; } = 1;

    /// <summary>Contracts or certificates (per_contract, per_certificate).</summary>
    public int Items { get; init; } = 1;

    /// <summary>The birth or death date that starts the statutory deadline (the "from" of statutory_deadline).</summary>
    public DateOnly? EventDate { get; init; }

    /// <summary>Staff confirmed the person is in one of the procedure's fee_exempt_groups (papers checked at the desk).</summary>
    public string? ExemptGroup { get; init; }
}
