using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using OneStop.Core.Audit;
using OneStop.Core.Calendar;
using OneStop.Core.Catalogue;
using OneStop.Core.Changes;
using OneStop.Core.Dossiers;
using OneStop.Core.Forms;
using OneStop.Core.Merge;
using OneStop.Core.Nodes;
using OneStop.Core.Statistics;
using OneStop.Edge.Audit;
using OneStop.Edge.Catalogue;
using OneStop.Edge.Clock;
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
    TimeProvider time,
    Nodes.EdgeNodeSettings nodeSettings,
    DeskLegalDate? legalDate = null,
    Payments.EdgePublishedBankAccount? publishedBank = null,
    Audit.EdgeAuditLog? audit = null) : IIntakeDesk
{
    public DeskSettings Settings => BuildSettings(edgeOptions.Value, uiOptions.Value, nodeSettings.Current, publishedBank?.Current);

    public async Task<IReadOnlyList<Procedure>> ListProceduresAsync(CancellationToken cancellationToken = default)
    {
        await RequireAsync(DeskAction.ReadCatalogue);
        var today = Today();
        return [.. (await catalogue.ListAsync(cancellationToken)).Where(p => !p.IsRetiredOn(today))];
    }

    public async Task<Procedure?> FindProcedureAsync(string code, CancellationToken cancellationToken = default)
    {
        await RequireAsync(DeskAction.ReadCatalogue);
        return await catalogue.FindAsync(code, cancellationToken);
    }

    public async Task<FormSchema?> FindFormAsync(string procedureCode, int? formVersion = null, CancellationToken cancellationToken = default)
    {
        await RequireAsync(DeskAction.ReadCatalogue);
        return await catalogue.FindAsync(procedureCode, cancellationToken) is { } procedure
            ? FormSchemaParser.Parse(FormSchemaVersions.FormJsonFor(procedure, formVersion), optionLists.Lists)
            : null;
    }

    public async Task<DeskDossier> FileAsync(DossierFiling filing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filing);
        var user = await RequireAsync(filing.Receive ? DeskAction.ReceiveDossier : DeskAction.SaveDraft);

        // Blank inputs are unanswered questions; the rules themselves live in DossierService, behind every door.
        var answers = filing.Answers
            .Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
        var draft = new DossierDraft(filing.ProcedureCode, filing.ApplicantName, answers, AsDraft: !filing.Receive) { ConfirmedDate = legalDate?.Confirmed, DataReused = filing.DataReused };
        var dossier = await ValidatedAsync(() => dossiers.CreateAsync(draft, user.UserName(), cancellationToken, user.Role() == DeskRoles.Volunteer ? FilingChannel.Assisted : FilingChannel.Desk));
        await audit.RecordAsync(user, AuditActions.Changed, dossier.Id.ToString(), filing.Receive ? "filed and received" : "draft filed", cancellationToken);
        return VolunteerView.Shown(user, await ReadAsync(dossier.Id, cancellationToken));
    }

    public async Task<DeskDossier?> GetDossierAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var user = await RequireAsync(DeskAction.ReadDossiers);
        if (await store.GetAsync(id, cancellationToken) is { } record && !VolunteerView.MaySee(user, RecordData.Of(record)))
        {
            // Another's dossier, or one past the draft: to a volunteer it does not exist, whoever links to it.
            return null;
        }

        await audit.RecordAsync(user, AuditActions.Viewed, id.ToString(), null, cancellationToken);
        return await TryReadAsync(id, cancellationToken) is { } dossier ? VolunteerView.Shown(user, dossier) : null;
    }

    public async Task<DeskDossier> ReceiveAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var user = await RequireAsync(DeskAction.ReceiveDossier);
        await ValidatedAsync(() => dossiers.ReceiveAsync(id, user.UserName(), legalDate?.Confirmed, cancellationToken));
        await audit.RecordAsync(user, AuditActions.Changed, id.ToString(), "received", cancellationToken);
        return await ReadAsync(id, cancellationToken);
    }

    public async Task<DeskDossier> ChangeStatusAsync(Guid id, DossierStatus to, string? reason = null, CancellationToken cancellationToken = default)
    {
        if (to == DossierStatus.Received)
        {
            return await ReceiveAsync(id, cancellationToken);
        }

        var user = await RequireAsync(DeskAction.ChangeStatus);
        await ValidatedAsync(() => dossiers.ChangeStatusAsync(id, to, user.UserName(), reason, legalDate?.Confirmed, cancellationToken));
        await audit.RecordAsync(user, AuditActions.Changed, id.ToString(), "status " + to.ToName(), cancellationToken);
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
        var stamp = Validated(() => dossiers.Legal(LegalDateFields.ActFee, legalDate?.Confirmed, user.UserName()));
        var now = stamp.At;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [AppendOnlyFields.FieldName(DeskDossierFields.Payments, Guid.CreateVersion7(time.GetUtcNow()))] =
                DeskDossierReader.PaymentJson(method, quote.TotalVnd, now, user.UserName()),
        };
        stamp.AddTo(values);
        if (quote.IsExempt)
        {
            values[DossierFields.FeeExempt] = "true";
        }

        await store.WriteAsync(id, RecordTypes.Dossier, edgeOptions.Value.CommuneCode, values, cancellationToken);
        await audit.RecordAsync(user, AuditActions.Changed, id.ToString(), "fee " + method, cancellationToken);
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

    private static LegalStamp Validated(Func<LegalStamp> stamp)
    {
        try
        {
            return stamp();
        }
        catch (IntakeException ex)
        {
            throw new DeskValidationException(ex.Errors);
        }
    }

    /// <summary>The service's refusal, as the desk shows it: every answer to correct at once.</summary>
    private static async Task<DossierView> ValidatedAsync(Func<Task<DossierView>> write)
    {
        try
        {
            return await write();
        }
        catch (IntakeException ex)
        {
            throw new DeskValidationException(ex.Errors);
        }
    }

    private Task<ClaimsPrincipal> RequireAsync(DeskAction action) => authentication.RequireAsync(action);

    private async Task<DeskDossier> ReadAsync(Guid id, CancellationToken cancellationToken) =>
        await TryReadAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"No dossier {id}.");

    private async Task<DeskDossier?> TryReadAsync(Guid id, CancellationToken cancellationToken)
    {
        // The dossier page shows the fee's VietQR from Settings: the province's account must be read by then.
        if (publishedBank is not null)
        {
            await publishedBank.RefreshIfStaleAsync(cancellationToken);
        }

        var record = await store.GetAsync(id, cancellationToken);
        return record is null || record.Type != RecordTypes.Dossier
            ? null
            : DeskDossierReader.Read(RecordData.Of(record)) with { History = DeskDossierHistory.Read(record), DateConfirmations = DeskDateConfirmations.Read(record) };
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(AppointmentCalculator.VietnamOffset).DateTime);

    /// <summary>
    /// The node's settings record over the Edge:Ui defaults (<see cref="Nodes.EdgeNodeSettings"/> fills what the record lacks);
    /// the VietQR account is the province's published one when there is one, the node's own only otherwise.
    /// </summary>
    private static DeskSettings BuildSettings(EdgeOptions edge, EdgeUiOptions ui, IReadOnlyDictionary<string, string?> node, Core.Payments.PublishedBankAccount? published)
    {
        var bank = published is not null ? new BankAccount(published.BankBin, published.AccountNumber, published.AccountName)
            : node.GetValueOrDefault(NodeConfigFields.BankBin) is { Length: > 0 } bin && node.GetValueOrDefault(NodeConfigFields.BankAccount) is { Length: > 0 } account
            ? new BankAccount(bin, account, node.GetValueOrDefault(NodeConfigFields.BankAccountName) ?? string.Empty)
            : null;
        var office = node.GetValueOrDefault(NodeConfigFields.OfficeName);
        return new DeskSettings(office ?? ui.OfficeNameVi, office ?? ui.OfficeNameEn, edge.NodeId, bank)
        {
            PublicAddress = node.GetValueOrDefault(NodeConfigFields.PublicAddress),
            CommuneName = node.GetValueOrDefault(NodeConfigFields.CommuneName) ?? ui.CommuneName,
        };
    }
}
