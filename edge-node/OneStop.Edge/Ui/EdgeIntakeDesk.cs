using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using OneStop.Core.Calendar;
using OneStop.Core.Catalogue;
using OneStop.Core.Changes;
using OneStop.Core.Dossiers;
using OneStop.Core.Forms;
using OneStop.Core.Merge;
using OneStop.Edge.Catalogue;
using OneStop.Edge.Dossiers;
using OneStop.Edge.Store;
using OneStop.Storage;
using OneStop.Ui.Fees;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Edge.Ui;

/// <summary>
/// The intake port over the node's services, one per circuit. Each action first checks the signed-in
/// person's role here, on the server, whatever the screen showed.
/// </summary>
public sealed class EdgeIntakeDesk(
    DossierService dossiers,
    CatalogueService catalogue,
    EdgeStore store,
    CatalogueOptionLists optionLists,
    AuthenticationStateProvider authentication,
    IOptions<EdgeOptions> edgeOptions,
    IOptions<EdgeUiOptions> uiOptions,
    TimeProvider time) : IIntakeDesk
{
    public DeskSettings Settings { get; } = BuildSettings(edgeOptions.Value, uiOptions.Value);

    public async Task<IReadOnlyList<Procedure>> ListProceduresAsync(CancellationToken cancellationToken = default)
    {
        await RequireAsync(DeskAction.ReadCatalogue);
        return await catalogue.ListAsync(cancellationToken);
    }

    public async Task<Procedure?> FindProcedureAsync(string code, CancellationToken cancellationToken = default)
    {
        await RequireAsync(DeskAction.ReadCatalogue);
        return await catalogue.FindAsync(code, cancellationToken);
    }

    public async Task<FormSchema?> FindFormAsync(string procedureCode, CancellationToken cancellationToken = default)
    {
        await RequireAsync(DeskAction.ReadCatalogue);
        return await catalogue.FindAsync(procedureCode, cancellationToken) is { } procedure ? FormSchemaParser.Parse(procedure.FormJson, optionLists.Lists) : null;
    }

    public async Task<DeskDossier> FileAsync(DossierFiling filing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filing);
        var user = await RequireAsync(filing.Receive ? DeskAction.ReceiveDossier : DeskAction.SaveDraft);
        var procedure = await catalogue.FindAsync(filing.ProcedureCode, cancellationToken)
            ?? throw new KeyNotFoundException($"No procedure {filing.ProcedureCode}.");
        var form = FormSchemaParser.Parse(procedure.FormJson, optionLists.Lists);
        var errors = FormValidator.Validate(form, filing.Answers, Today()).Errors.ToList();
        if (string.IsNullOrWhiteSpace(filing.ApplicantName))
        {
            errors.Insert(0, new FieldError("applicant_name", FormErrorCodes.Required, "Họ tên người nộp hồ sơ: bắt buộc nhập", "Applicant's full name: required"));
        }

        if (errors.Count > 0)
        {
            throw new DeskValidationException(errors);
        }

        // Only what the form asks for is kept, so a crafted request cannot write other dossier fields.
        var answers = form.Fields
            .Where(f => !string.IsNullOrWhiteSpace(filing.Answers.GetValueOrDefault(f.Key)))
            .ToDictionary(f => f.Key, f => filing.Answers[f.Key]!.Trim(), StringComparer.Ordinal);
        var draft = await dossiers.CreateAsync(new DossierDraft(procedure.Code, filing.ApplicantName.Trim(), answers, AsDraft: true), cancellationToken);
        return filing.Receive ? await ReceiveCoreAsync(draft.Id, procedure, user, cancellationToken) : await ReadAsync(draft.Id, cancellationToken);
    }

    public async Task<IReadOnlyList<DeskDossier>> ListDossiersAsync(CancellationToken cancellationToken = default)
    {
        await RequireAsync(DeskAction.ReadDossiers);
        return [.. (await store.ListAsync(RecordTypes.Dossier, 2_000, cancellationToken)).Select(DeskDossierReader.Read)];
    }

    public async Task<DeskDossier?> GetDossierAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await RequireAsync(DeskAction.ReadDossiers);
        return await TryReadAsync(id, cancellationToken);
    }

    public async Task<DeskDossier> ReceiveAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var user = await RequireAsync(DeskAction.ReceiveDossier);
        var dossier = await ReadAsync(id, cancellationToken);
        var procedure = await catalogue.FindAsync(dossier.ProcedureCode, cancellationToken)
            ?? throw new KeyNotFoundException($"No procedure {dossier.ProcedureCode}.");
        var form = FormSchemaParser.Parse(procedure.FormJson, optionLists.Lists);
        var answers = dossier.Answers.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal);
        var result = FormValidator.Validate(form, answers, Today());
        if (!result.IsValid)
        {
            throw new DeskValidationException(result.Errors);
        }

        return await ReceiveCoreAsync(id, procedure, user, cancellationToken);
    }

    public async Task<DeskDossier> ChangeStatusAsync(Guid id, DossierStatus to, CancellationToken cancellationToken = default)
    {
        if (to == DossierStatus.Received)
        {
            return await ReceiveAsync(id, cancellationToken);
        }

        var user = await RequireAsync(DeskAction.ChangeStatus);
        await dossiers.ChangeStatusAsync(id, to, user.UserName(), cancellationToken);
        return await ReadAsync(id, cancellationToken);
    }

    public async Task<DeskDossier> CollectFeeAsync(Guid id, PaymentMethod method, CancellationToken cancellationToken = default)
    {
        var user = await RequireAsync(DeskAction.CollectFee);
        var dossier = await ReadAsync(id, cancellationToken);
        if (dossier.Status is DossierStatus.Draft or DossierStatus.Withdrawn || dossier.IsPaid)
        {
            throw new InvalidOperationException($"Dossier {id} is {dossier.Status.ToName()}{(dossier.IsPaid ? " and paid" : string.Empty)}: no fee to collect.");
        }

        var procedure = await catalogue.FindAsync(dossier.ProcedureCode, cancellationToken)
            ?? throw new KeyNotFoundException($"No procedure {dossier.ProcedureCode}.");
        var quote = DeskFees.Quote(procedure, dossier, Today());
        var now = time.GetUtcNow();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [AppendOnlyFields.FieldName(DeskDossierFields.Payments, Guid.CreateVersion7(now))] =
                DeskDossierReader.PaymentJson(method, quote.TotalVnd, now, user.UserName()),
        };
        await store.WriteAsync(id, RecordTypes.Dossier, edgeOptions.Value.CommuneCode, values, cancellationToken);
        return await ReadAsync(id, cancellationToken);
    }

    public async Task<ResidentStatus?> FindResidentStatusAsync(Guid id, CancellationToken cancellationToken = default)
    {
        // Public on purpose: the slip's QR. Nothing personal leaves here.
        if (await TryReadAsync(id, cancellationToken) is not { } dossier || dossier.Status == DossierStatus.Draft)
        {
            return null;
        }

        var procedure = await catalogue.FindAsync(dossier.ProcedureCode, cancellationToken);
        return new ResidentStatus(id, procedure?.NameVi ?? dossier.ProcedureCode, procedure?.NameEn ?? dossier.ProcedureCode, dossier.Status, dossier.DueDate);
    }

    private async Task<DeskDossier> ReceiveCoreAsync(Guid id, Procedure procedure, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"No dossier {id}.");
        var current = DeskDossierReader.Read(RecordData.Of(record)).Status;
        if (!DossierStateMachine.CanMove(current, DossierStatus.Received))
        {
            throw new TransitionException(current, DossierStatus.Received);
        }

        var now = time.GetUtcNow();
        var due = AppointmentCalculator.DueDate(procedure, now, WorkingDayCalendar.Default).DueDate;
        // Status and receipt facts in one logged write: a slip never exists for a dossier that is not received.
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [DossierFields.Status] = JsonSerializer.Serialize(DossierStatus.Received.ToName()),
            [DeskDossierFields.ReceivedAt] = JsonSerializer.Serialize(now.ToString("O", CultureInfo.InvariantCulture)),
            [DeskDossierFields.ReceivedBy] = JsonSerializer.Serialize(user.UserName()),
            [DeskDossierFields.DueDate] = JsonSerializer.Serialize(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        await store.WriteAsync(id, RecordTypes.Dossier, record.Scope, values, cancellationToken);
        return await ReadAsync(id, cancellationToken);
    }

    private async Task<ClaimsPrincipal> RequireAsync(DeskAction action)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var role = user.Identity?.IsAuthenticated == true ? user.Role() : null;
        return DeskPermissions.Allows(role, action) ? user : throw new DeskForbiddenException(action, role);
    }

    private async Task<DeskDossier> ReadAsync(Guid id, CancellationToken cancellationToken) =>
        await TryReadAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"No dossier {id}.");

    private async Task<DeskDossier?> TryReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(id, cancellationToken);
        return record is null || record.Type != RecordTypes.Dossier
            ? null
            : DeskDossierReader.Read(RecordData.Of(record)) with { History = DeskDossierHistory.Read(record) };
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(AppointmentCalculator.VietnamOffset).DateTime);

    private static DeskSettings BuildSettings(EdgeOptions edge, EdgeUiOptions ui)
    {
        var bank = ui.BankBin is { Length: > 0 } bin && ui.BankAccount is { Length: > 0 } account
            ? new BankAccount(bin, account, ui.BankAccountName ?? string.Empty)
            : null;
        return new DeskSettings(ui.OfficeNameVi, ui.OfficeNameEn, edge.NodeId, bank);
    }
}
