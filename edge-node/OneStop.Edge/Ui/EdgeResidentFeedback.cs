using System.Globalization;
using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Core.Dossiers;
using OneStop.Edge.Store;
using OneStop.Ui.Ports;

namespace OneStop.Edge.Ui;

/// <summary>
/// Feedback as records of type feedback in the dossier's commune scope, synced to the hub like any record. The
/// record id is derived from the dossier id, so a dossier has one feedback record on every replica: a second
/// submission here is refused, and two offices taking one each end up merging into the same record.
/// </summary>
public sealed class EdgeResidentFeedback(EdgeStore store, TimeProvider time) : IResidentFeedback, IDisposable
{
    private readonly SemaphoreSlim _submit = new(1, 1);

    public async Task<bool> HasFeedbackAsync(Guid dossierId, CancellationToken cancellationToken = default) =>
        await store.GetAsync(FeedbackId(dossierId), cancellationToken) is not null;

    public async Task<FeedbackOutcome> SubmitAsync(Guid dossierId, int rating, string? comment, CancellationToken cancellationToken = default)
    {
        if (rating is < 1 or > 5)
        {
            return FeedbackOutcome.Invalid;
        }

        var dossier = await store.GetAsync(dossierId, cancellationToken);
        if (dossier is null || dossier.Type != RecordTypes.Dossier || Status(dossier) is null or DossierStatus.Draft)
        {
            return FeedbackOutcome.UnknownDossier;
        }

        var text = (comment ?? string.Empty).Trim();
        if (text.Length > FeedbackLimits.MaxCommentLength)
        {
            text = text[..FeedbackLimits.MaxCommentLength];
        }

        await _submit.WaitAsync(cancellationToken);
        try
        {
            var id = FeedbackId(dossierId);
            if (await store.GetAsync(id, cancellationToken) is not null)
            {
                return FeedbackOutcome.AlreadyGiven;
            }

            var values = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["dossier_id"] = JsonSerializer.Serialize(dossierId),
                ["procedure_code"] = dossier.GetJson(DossierFields.ProcedureCode),
                ["rating"] = rating.ToString(CultureInfo.InvariantCulture),
                ["comment"] = JsonSerializer.Serialize(text),
                ["submitted_at"] = JsonSerializer.Serialize(time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)),
            };
            await store.WriteAsync(id, RecordTypes.Feedback, dossier.Scope, values, cancellationToken);
            return FeedbackOutcome.Saved;
        }
        finally
        {
            _submit.Release();
        }
    }

    public void Dispose() => _submit.Dispose();

    /// <summary>A name-based id (SHA-256, version 8 layout): the same for a dossier on every node.</summary>
    public static Guid FeedbackId(Guid dossierId) => ResidentFeedbackIds.For(dossierId);

    private static DossierStatus? Status(StoredRecord dossier) =>
        dossier.GetJson(DossierFields.Status) is { } json && DossierStatusNames.TryParse(JsonSerializer.Deserialize<string>(json), out var status) ? status : null;
}
