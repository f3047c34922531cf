using OneStop.Core.Dossiers;

namespace OneStop.Ui.Ports;

/// <summary>A dossier as the intake screens show it.</summary>
public sealed record DeskDossier(
    Guid Id,
    string ProcedureCode,
    string ApplicantName,
    DossierStatus Status,
    DateTimeOffset? CreatedAt,
    IReadOnlyDictionary<string, string> Answers)
{
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>Date on the appointment slip, fixed when the dossier was received.</summary>
    public DateOnly? DueDate { get; init; }

    public string? ReceivedBy { get; init; }

    public IReadOnlyList<DeskPayment> Payments { get; init; } = [];

    /// <summary>Every status this dossier has had, oldest first, as merged from all offices.</summary>
    public IReadOnlyList<DeskStatusChange> History { get; init; } = [];

    public bool IsPaid => Payments.Count > 0;

    /// <summary>The random code on the slip (<see cref="OneStop.Core.Dossiers.PublicCode"/>); null for dossiers made before it existed.</summary>
    public string? PublicCode { get; init; }

    /// <summary>The code to print and show: the public code in groups, else the older code read from the id.</summary>
    public string Code => PublicCode is { } code ? OneStop.Core.Dossiers.PublicCode.Grouped(code) : DossierCode.Of(Id);

    /// <summary>
    /// The version of the procedure's form schema the dossier was filed under; its answers are shown and corrected
    /// with that schema even after the province publishes another.
    /// </summary>
    public int FormVersion { get; init; } = OneStop.Core.Catalogue.FormSchemaVersions.First;

    /// <summary>Dates a person confirmed because the node's clock was suspect, oldest first.</summary>
    public IReadOnlyList<DeskDateConfirmation> DateConfirmations { get; init; } = [];
}

/// <summary>A legal date confirmed by hand: the act ("received", "fee", "result_returned"), the date, and who confirmed it.</summary>
public sealed record DeskDateConfirmation(string Act, DateOnly Date, string By);

/// <summary>One status write: what, when (the writer's hybrid clock), on which node and, when recorded, by whom.</summary>
public sealed record DeskStatusChange(DossierStatus Status, DateTimeOffset At, string Node, string? By)
{
    /// <summary>Why, for a refusal, a withdrawal or a supplement request (written with the status).</summary>
    public string? Reason { get; init; }
}

/// <summary>A fee payment recorded at the desk.</summary>
public sealed record DeskPayment(PaymentMethod Method, long AmountVnd, DateTimeOffset At, string CollectedBy);

public enum PaymentMethod
{
    Cash,
    BankTransfer,
}
