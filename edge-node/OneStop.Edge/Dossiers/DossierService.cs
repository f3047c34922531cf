using System.Text.Json;
using Microsoft.Extensions.Options;
using OneStop.Core.Changes;
using OneStop.Core.Dossiers;
using OneStop.Core.Limits;
using OneStop.Edge.Catalogue;
using OneStop.Edge.Store;
using OneStop.Storage;

namespace OneStop.Edge.Dossiers;

/// <summary>Intake operations on dossiers; every change goes through the store's logged write.</summary>
public sealed class DossierService(EdgeStore store, CatalogueService catalogue, IOptions<EdgeOptions> options, TimeProvider time)
{
    public async Task<DossierView> CreateAsync(DossierDraft draft, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(draft.ApplicantName))
        {
            throw new IntakeException("applicant_name", "Chưa nhập họ tên người nộp hồ sơ.", "The applicant's name is missing.");
        }

        if (await catalogue.FindAsync(draft.ProcedureCode, cancellationToken) is null)
        {
            throw new IntakeException("procedure_code", $"Không có thủ tục mã '{draft.ProcedureCode}'.", $"There is no procedure '{draft.ProcedureCode}'.");
        }

        var now = time.GetUtcNow();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [DossierFields.ProcedureCode] = JsonSerializer.Serialize(draft.ProcedureCode),
            [DossierFields.ApplicantName] = JsonSerializer.Serialize(draft.ApplicantName.Trim()),
            [DossierFields.Status] = JsonSerializer.Serialize((draft.AsDraft ? DossierStatus.Draft : DossierStatus.Received).ToName()),
            [DossierFields.CreatedAt] = JsonSerializer.Serialize(now.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        };
        foreach (var (key, value) in draft.Form ?? new Dictionary<string, string>())
        {
            values[DossierFields.FormPrefix + key] = JsonSerializer.Serialize(value);
        }

        ThrowIfTooLarge(values);
        var id = Guid.CreateVersion7(now);
        var record = await store.WriteAsync(id, RecordTypes.Dossier, options.Value.CommuneCode, values, cancellationToken);
        return View(record);
    }

    /// <summary>Moves a dossier along the state machine; the status and who set it go in one logged write.</summary>
    public async Task<DossierView> ChangeStatusAsync(Guid id, DossierStatus to, string changedBy, CancellationToken cancellationToken = default)
    {
        var record = await store.GetAsync(id, cancellationToken)
            ?? throw new KeyNotFoundException($"No dossier {id}.");
        var current = DossierStatusNames.TryParse(JsonSerializer.Deserialize<string>(record.GetJson(DossierFields.Status) ?? "\"\""), out var status)
            ? status
            : DossierStatus.Draft;
        if (!DossierStateMachine.CanMove(current, to))
        {
            throw new TransitionException(current, to);
        }

        var values = new Dictionary<string, string?>
        {
            [DossierFields.Status] = JsonSerializer.Serialize(to.ToName()),
            [DossierFields.StatusBy] = JsonSerializer.Serialize(changedBy),
        };
        return View(await store.WriteAsync(id, RecordTypes.Dossier, record.Scope, values, cancellationToken));
    }

    /// <summary>Corrects the applicant's name or form answers; only what changed is written and synced.</summary>
    public async Task<DossierView> UpdateAsync(Guid id, DossierEdit edit, CancellationToken cancellationToken = default)
    {
        var record = await store.GetAsync(id, cancellationToken);
        if (record is null || record.Type != RecordTypes.Dossier)
        {
            throw new KeyNotFoundException($"No dossier {id}.");
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (edit.ApplicantName is { } name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new IntakeException("applicant_name", "Chưa nhập họ tên người nộp hồ sơ.", "The applicant's name is missing.");
            }

            values[DossierFields.ApplicantName] = JsonSerializer.Serialize(name.Trim());
        }

        foreach (var (key, value) in edit.Form ?? new Dictionary<string, string>())
        {
            values[DossierFields.FormPrefix + key] = JsonSerializer.Serialize(value);
        }

        ThrowIfTooLarge(values);
        return View(await store.WriteAsync(id, RecordTypes.Dossier, record.Scope, values, cancellationToken));
    }

    /// <summary>Refuses at the door what the log could not carry (docs/limits.md).</summary>
    private static void ThrowIfTooLarge(IReadOnlyDictionary<string, string?> values)
    {
        if (RecordLimits.CheckWrite(values) is { } violation)
        {
            throw new IntakeException(violation.Field ?? "dossier", violation.MessageVi, violation.MessageEn);
        }
    }

    public async Task<IReadOnlyList<DossierView>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await store.ListAsync(RecordTypes.Dossier, cancellationToken: cancellationToken)).Select(DossierView.From)];

    public async Task<DossierView?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var record = await store.GetAsync(id, cancellationToken);
        return record is null || record.Type != RecordTypes.Dossier ? null : View(record);
    }

    private static DossierView View(StoredRecord record) => DossierView.From(RecordData.Of(record));
}
