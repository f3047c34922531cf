using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OneStop.Core.Calendar;
using OneStop.Core.Catalogue;
using OneStop.Core.Changes;
using OneStop.Core.Dossiers;
using OneStop.Core.Forms;
using OneStop.Core.Limits;
using OneStop.Core.Statistics;
using OneStop.Edge.Calendar;
using OneStop.Edge.Catalogue;
using OneStop.Edge.Clock;
using OneStop.Edge.Store;
using OneStop.Edge.Ui;
using OneStop.Storage;

namespace OneStop.Edge.Dossiers;

/// <summary>
/// Writes to dossiers, for every door: the desk (<see cref="EdgeIntakeDesk"/>) and the HTTP API both call these
/// methods, so the intake rules of core (<see cref="DossierIntakeRules"/>, <see cref="RecordLimits"/>, the state
/// machine) hold whichever way a write comes in. Who may call is the door's business; what may be written is this one's.
/// </summary>
public sealed class DossierService(EdgeStore store, CatalogueService catalogue, CatalogueOptionLists optionLists, IOptions<EdgeOptions> options, TimeProvider time, LegalClock? legalClock = null, NodeHolidayCalendar? holidays = null, Func<string>? newCode = null)
{
    /// <summary>
    /// Creates a dossier as a draft, or received (with its receipt facts) in the same logged write;
    /// <paramref name="receivedBy"/> is who receives it when it is not a draft ("api" for a script).
    /// </summary>
    /// <param name="draft"></param>
    /// <param name="receivedBy"></param>
    /// <param name="cancellationToken"></param>
    /// <param name="channel">How the dossier reached the office, recorded once for the online rate (docs/statistics.md).</param>
    public async Task<DossierView> CreateAsync(DossierDraft draft, string receivedBy = "api", CancellationToken cancellationToken = default, FilingChannel channel = FilingChannel.Desk)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var procedure = await catalogue.FindAsync(draft.ProcedureCode, cancellationToken)
            ?? throw new IntakeException("procedure_code", $"Không có thủ tục mã '{draft.ProcedureCode}'.", $"There is no procedure '{draft.ProcedureCode}'.");
        if (procedure.IsRetiredOn(Today()))
        {
            throw new IntakeException("procedure_code", $"Thủ tục '{procedure.Code}' đã ngừng áp dụng.", $"Procedure '{procedure.Code}' has been retired.");
        }

        var answers = Answers(draft.Form);
        ThrowIfInvalid(DossierIntakeRules.Check(Form(procedure), draft.ApplicantName ?? string.Empty, answers, answers.Keys, !draft.AsDraft, Today()));
        var stamp = draft.AsDraft ? null : Legal(LegalDateFields.ActReceived, draft.ConfirmedDate, receivedBy);

        var now = time.GetUtcNow();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [DossierFields.ProcedureCode] = JsonSerializer.Serialize(procedure.Code),
            [DossierFields.ApplicantName] = JsonSerializer.Serialize((draft.ApplicantName ?? string.Empty).Trim()),
            [DossierFields.Status] = JsonSerializer.Serialize(DossierStatus.Draft.ToName()),
            [DossierFields.CreatedAt] = JsonSerializer.Serialize(now.ToString("O", CultureInfo.InvariantCulture)),
            [DossierFields.Channel] = JsonSerializer.Serialize(channel.ToName()),
            [DossierFields.CreatedBy] = JsonSerializer.Serialize(receivedBy),
            [FormSchemaVersions.DossierField] = procedure.FormVersion.ToString(CultureInfo.InvariantCulture),
            [PublicCode.Field] = JsonSerializer.Serialize(await NewPublicCodeAsync(cancellationToken)),
        };
        if (draft.DataReused)
        {
            values[DossierFields.DataReused] = "true";
        }

        foreach (var (key, value) in answers.Where(p => !string.IsNullOrEmpty(p.Value)))
        {
            values[DossierFields.FormPrefix + key] = JsonSerializer.Serialize(value);
        }

        if (stamp is not null)
        {
            AddReceipt(values, procedure, receivedBy, stamp, await CalendarAsync(cancellationToken));
        }

        ThrowIfTooLarge(values);
        var record = await store.WriteAsync(Guid.CreateVersion7(now), RecordTypes.Dossier, options.Value.CommuneCode, values, cancellationToken);
        return View(record);
    }

    /// <summary>Receives a draft: its answers must be complete and valid; status and receipt facts go in one logged write.</summary>
    public async Task<DossierView> ReceiveAsync(Guid id, string receivedBy, CancellationToken cancellationToken = default) =>
        await ReceiveAsync(id, receivedBy, null, cancellationToken);

    /// <summary>Receives a draft with the date a person confirmed (required while the clock is suspect).</summary>
    public async Task<DossierView> ReceiveAsync(Guid id, string receivedBy, DateOnly? confirmedDate, CancellationToken cancellationToken = default)
    {
        var (record, dossier) = await LoadAsync(id, cancellationToken);
        if (!DossierStateMachine.CanMove(Status(dossier), DossierStatus.Received))
        {
            throw new TransitionException(Status(dossier), DossierStatus.Received);
        }

        var procedure = await catalogue.FindAsync(dossier.ProcedureCode, cancellationToken)
            ?? throw new KeyNotFoundException($"No procedure {dossier.ProcedureCode}.");
        ThrowIfInvalid(DossierIntakeRules.Check(Form(procedure, record), dossier.ApplicantName, Answers(dossier), [], complete: true, Today()));
        var stamp = Legal(LegalDateFields.ActReceived, confirmedDate, receivedBy);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        AddReceipt(values, procedure, receivedBy, stamp, await CalendarAsync(cancellationToken));
        return View(await store.WriteAsync(id, RecordTypes.Dossier, record.Scope, values, cancellationToken));
    }

    /// <summary>Moves a dossier along the state machine; the status and who set it go in one logged write.</summary>
    public async Task<DossierView> ChangeStatusAsync(Guid id, DossierStatus to, string changedBy, CancellationToken cancellationToken = default) =>
        await ChangeStatusAsync(id, to, changedBy, reason: null, confirmedDate: null, cancellationToken);

    /// <summary>
    /// As above, with the reason the resident is given (required to reject, withdraw or ask for more: <see cref="StatusReasons"/>)
    /// and the date a person confirmed for the acts that carry a legal date (receipt, result returned).
    /// </summary>
    public async Task<DossierView> ChangeStatusAsync(Guid id, DossierStatus to, string changedBy, string? reason, DateOnly? confirmedDate, CancellationToken cancellationToken = default)
    {
        if (to == DossierStatus.Received)
        {
            return await ReceiveAsync(id, changedBy, confirmedDate, cancellationToken);
        }

        var (record, dossier) = await LoadAsync(id, cancellationToken);
        if (!DossierStateMachine.CanMove(Status(dossier), to))
        {
            throw new TransitionException(Status(dossier), to);
        }

        ThrowIfInvalid(StatusReasons.Check(to, reason));
        var values = new Dictionary<string, string?>
        {
            [DossierFields.Status] = JsonSerializer.Serialize(to.ToName()),
            [DossierFields.StatusBy] = JsonSerializer.Serialize(changedBy),
            // Written (or cleared) with every move, so the timeline pairs each status with its own reason only.
            [StatusReasons.Field] = string.IsNullOrWhiteSpace(reason) ? null : JsonSerializer.Serialize(reason.Trim()),
        };
        if (to is DossierStatus.Approved or DossierStatus.Rejected or DossierStatus.Withdrawn)
        {
            // The on-time rate compares this moment with the due date; it is written with the status so they travel together.
            var closedAt = legalClock?.BestMoment(confirmedDate) ?? time.GetUtcNow();
            values[DossierFields.ClosedAt] = JsonSerializer.Serialize(closedAt.ToString("O", CultureInfo.InvariantCulture));
        }

        if (to == DossierStatus.ResultReturned)
        {
            var stamp = Legal(LegalDateFields.ActResultReturned, confirmedDate, changedBy);
            values[LegalDateFields.ResultReturnedAt] = JsonSerializer.Serialize(stamp.At.ToString("O", CultureInfo.InvariantCulture));
            stamp.AddTo(values);
        }

        return View(await store.WriteAsync(id, RecordTypes.Dossier, record.Scope, values, cancellationToken));
    }

    /// <summary>Corrects the applicant's name or form answers; only what changed is written and synced.</summary>
    /// <param name="id">The dossier.</param>
    /// <param name="edit">What changes.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <param name="alsoWrite">Fields written in the same change (a correction's entry), so they travel together.</param>
    public async Task<DossierView> UpdateAsync(Guid id, DossierEdit edit, CancellationToken cancellationToken = default, IReadOnlyDictionary<string, string?>? alsoWrite = null)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var (record, dossier) = await LoadAsync(id, cancellationToken);
        var changed = Answers(edit.Form);
        var answers = Answers(dossier);
        foreach (var (key, value) in changed)
        {
            answers[key] = value;
        }

        var procedure = await catalogue.FindAsync(dossier.ProcedureCode, cancellationToken)
            ?? throw new KeyNotFoundException($"No procedure {dossier.ProcedureCode}.");
        var complete = Status(dossier) != DossierStatus.Draft;
        ThrowIfInvalid(DossierIntakeRules.Check(Form(procedure, record), edit.ApplicantName, answers, changed.Keys, complete, Today()));

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (edit.ApplicantName is { } name)
        {
            values[DossierFields.ApplicantName] = JsonSerializer.Serialize(name.Trim());
        }

        foreach (var (key, value) in changed)
        {
            values[DossierFields.FormPrefix + key] = string.IsNullOrEmpty(value) ? null : JsonSerializer.Serialize(value);
        }

        foreach (var (key, value) in alsoWrite ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        ThrowIfTooLarge(values);
        return View(await store.WriteAsync(id, RecordTypes.Dossier, record.Scope, values, cancellationToken));
    }

    public async Task<IReadOnlyList<DossierView>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await store.ListAsync(RecordTypes.Dossier, cancellationToken: cancellationToken)).Select(DossierView.From)];

    public async Task<DossierView?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var record = await store.GetAsync(id, cancellationToken);
        return record is null || record.Type != RecordTypes.Dossier ? null : View(record);
    }

    private async Task<(StoredRecord Record, DossierView Dossier)> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(id, cancellationToken);
        return record is null || record.Type != RecordTypes.Dossier
            ? throw new KeyNotFoundException($"No dossier {id}.")
            : (record, View(record));
    }

    /// <summary>Receipt facts: status, when, by whom and the due date, fixed at receipt so every replica and the slip agree.</summary>
    private static void AddReceipt(Dictionary<string, string?> values, Procedure procedure, string receivedBy, LegalStamp stamp, WorkingDayCalendar calendar)
    {
        var now = stamp.At;
        stamp.AddTo(values);
        var due = AppointmentCalculator.DueDate(procedure, now, calendar).DueDate;
        values[DossierFields.Status] = JsonSerializer.Serialize(DossierStatus.Received.ToName());
        values[DeskDossierFields.ReceivedAt] = JsonSerializer.Serialize(now.ToString("O", CultureInfo.InvariantCulture));
        values[DeskDossierFields.ReceivedBy] = JsonSerializer.Serialize(receivedBy);
        values[DeskDossierFields.DueDate] = JsonSerializer.Serialize(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>The legal time for an act; throws <see cref="IntakeException"/> before anything is written when the clock needs a confirmed date.</summary>
    public LegalStamp Legal(string act, DateOnly? confirmedDate, string by) =>
        legalClock?.Stamp(act, confirmedDate, by) ?? LegalClock.Unjudged(time);

    /// <summary>The province's published holiday years over the built-in table (the built-in one alone when none is wired, as in unit tests).</summary>
    private async Task<WorkingDayCalendar> CalendarAsync(CancellationToken cancellationToken) =>
        holidays is null ? WorkingDayCalendar.Default : await holidays.CurrentAsync(cancellationToken);

    private FormSchema Form(Procedure procedure) => FormSchemaParser.Parse(procedure.FormJson, optionLists.Lists);

    /// <summary>The schema the dossier was filed under (<see cref="FormSchemaVersions"/>): a later change to the form does not break it.</summary>
    private FormSchema Form(Procedure procedure, StoredRecord record) =>
        FormSchemaParser.Parse(FormSchemaVersions.FormJsonFor(procedure, FiledUnder(record)), optionLists.Lists);

    /// <summary>The version a dossier records; none for a dossier filed before versions, which read as the first.</summary>
    public static int FiledUnder(StoredRecord record) =>
        int.TryParse(record.GetJson(FormSchemaVersions.DossierField), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : FormSchemaVersions.First;

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(AppointmentCalculator.VietnamOffset).DateTime);

    private static Dictionary<string, string?> Answers(DossierView dossier) =>
        dossier.Form.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal);

    private static DossierStatus Status(DossierView dossier) =>
        DossierStatusNames.TryParse(dossier.Status, out var status) ? status : DossierStatus.Draft;

    private static void ThrowIfInvalid(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new IntakeException(errors);
        }
    }

    /// <summary>Refuses at the door what the log could not carry (docs/limits.md).</summary>
    private static void ThrowIfTooLarge(IReadOnlyDictionary<string, string?> values)
    {
        if (RecordLimits.CheckWrite(values) is { } violation)
        {
            throw new IntakeException(violation.Field ?? "dossier", violation.MessageVi, violation.MessageEn);
        }
    }

    /// <summary>
    /// A JSON body may carry <c>null</c> for an answer (a script's empty select): that is no answer, so the
    /// required-answer rule names the field instead of the service failing on it.
    /// </summary>
    private static Dictionary<string, string?> Answers(IReadOnlyDictionary<string, string>? form) =>
        (form ?? new Dictionary<string, string>()).ToDictionary(p => p.Key, p => (string?)p.Value?.Trim(), StringComparer.Ordinal);

    private static DossierView View(StoredRecord record) => DossierView.From(RecordData.Of(record)) with { LegalDates = LegalDateFields.Read(record) };

    // Drawn at the node where the dossier is made, checked against this commune's dossiers by the index.
    private Task<string> NewPublicCodeAsync(CancellationToken cancellationToken) =>
        PublicCode.NewUniqueAsync(async (code, ct) => (await store.FindDossiersByPublicCodeAsync(code, 1, ct)).Count > 0, newCode, cancellationToken);
}
