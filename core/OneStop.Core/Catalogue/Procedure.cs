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
    string FormJson)
{
    /// <summary>Free-text formula the catalogue gives where the fee lines alone do not say how they combine (copy certification).</summary>
    public string? FeeFormula { get; init; }

    /// <summary>Groups exempt from the fee (families of people with meritorious service, poor households, ...), as printed for staff.</summary>
    public IReadOnlyList<string> FeeExemptGroups { get; init; } = [];

    /// <summary>The citizen's own deadline (60 days for a birth, 15 for a death); on-time registration is fee-exempt.</summary>
    public StatutoryDeadline? StatutoryDeadline { get; init; }

    /// <summary>The parts of processing_time beyond <see cref="WorkingDays"/> and <see cref="SameDay"/>.</summary>
    public ProcessingTimeDetails ProcessingTime { get; init; } = ProcessingTimeDetails.None;

    /// <summary>decide_at_commune, commune_police or receive_and_forward: decides what the desk may do with the dossier.</summary>
    public string Handling { get; init; } = string.Empty;

    public string? NationalCode { get; init; }

    /// <summary>"online_filing": true when residents may file it on the province's public site (full-process online).</summary>
    public bool OnlineFiling { get; init; }
    /// <summary>Fee tables published to take effect later (catalogue key fee_versions); empty for a node that never received one.</summary>
    public IReadOnlyList<FeeVersion> FeeVersions { get; init; } = [];

    /// <summary>From this local date on, no new dossier is received for the procedure (catalogue key retired_from).</summary>
    public DateOnly? RetiredFrom { get; init; }

    /// <summary>The fee table in force for a dossier received on <paramref name="receivedOn"/> (<see cref="EffectiveDated"/>).</summary>
    public IReadOnlyList<ProcedureFee> FeesOn(DateOnly receivedOn) =>
        EffectiveDated.InForce(FeeVersions, v => v.EffectiveFrom, receivedOn)?.Fees ?? Fees;

    /// <summary>The procedure as it applies to a dossier received on <paramref name="receivedOn"/>: its fees are the ones in force that day.</summary>
    public Procedure AsOf(DateOnly receivedOn) => this with { Fees = FeesOn(receivedOn), FeeVersions = [] };

    public bool IsRetiredOn(DateOnly day) => RetiredFrom is { } from && day >= from;
    /// <summary>The number of <see cref="Procedure.FormJson"/> (<see cref="FormSchemaVersions"/>): 1 for a schema never republished.</summary>
    public int FormVersion { get; init; } = FormSchemaVersions.First;

    /// <summary>The schemas <see cref="Procedure.FormJson"/> replaced, for dossiers filed under them.</summary>
    public IReadOnlyList<FormSchemaVersion> FormHistory { get; init; } = [];

    /// <summary>The laws, decrees and circulars the procedure rests on, as the catalogue cites them.</summary>
    public IReadOnlyList<string> LegalBasis { get; init; } = [];
}

public sealed record ProcedureFee(long? AmountVnd, string Unit, string? NoteVi)
{
    /// <summary>Stable key of the fee line within its procedure (on_time, late, page_1_2, ...).</summary>
    public string Key { get; init; } = string.Empty;

    public string LabelVi { get; init; } = string.Empty;

    public string LabelEn { get; init; } = string.Empty;

    /// <summary>True when the amount is a typical figure and the province's own resolution sets the real one.</summary>
    public bool ExampleOnly { get; init; }

    public string? SetBy { get; init; }
}

public sealed record RequiredDocument(string NameVi, string NameEn, bool Required, string Kind);

/// <summary>A deadline counted in calendar days from an event recorded in the form (birth, death).</summary>
public sealed record StatutoryDeadline(int Days, string From, string? Basis);

/// <summary>Optional parts of processing_time: extensions and calendar-day phases.</summary>
public sealed record ProcessingTimeDetails(
    int? ExtensionIfVerificationWorkingDays,
    int? ExtensionRemoteAreaWorkingDays,
    int? CalendarDays,
    int? ThenWorkingDays,
    bool Estimate)
{
    public static ProcessingTimeDetails None { get; } = new(null, null, null, null, false);
}
