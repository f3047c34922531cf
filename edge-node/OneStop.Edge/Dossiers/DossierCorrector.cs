using OneStop.Core.Changes;
using OneStop.Core.Dossiers;
using OneStop.Core.Merge;
using OneStop.Edge.Store;

namespace OneStop.Edge.Dossiers;

/// <summary>
/// Edits to a dossier's name and answers through the one write path (<see cref="DossierService.UpdateAsync"/>): a
/// draft is simply saved; a received dossier needs a reason, and the change carries an entry of the append-only
/// <see cref="DossierCorrections.Collection"/> so the history says who corrected what, when and why on every replica.
/// </summary>
public sealed class DossierCorrector(DossierService dossiers, EdgeStore store, TimeProvider time)
{
    /// <param name="id">The dossier.</param>
    /// <param name="applicantName">The name as it should be.</param>
    /// <param name="answers">Answers as they should be, by form key; keys left out keep their value, blank clears.</param>
    /// <param name="by">Who corrects.</param>
    /// <param name="reason">Why; required once the dossier is received.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="IntakeException">No reason for a received dossier, or an answer the form refuses.</exception>
    public async Task<DossierView> SaveAsync(Guid id, string applicantName, IReadOnlyDictionary<string, string?> answers, string by, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var current = await dossiers.GetAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"No dossier {id}.");
        var status = DossierStatusNames.TryParse(current.Status, out var parsed) ? parsed : DossierStatus.Draft;
        if (DossierCorrections.Check(status, reason) is { Count: > 0 } errors)
        {
            throw new IntakeException(errors);
        }

        var before = current.Form.ToDictionary(p => DossierFields.FormPrefix + p.Key, p => (string?)p.Value, StringComparer.Ordinal);
        before[DossierFields.ApplicantName] = current.ApplicantName;
        var after = answers.ToDictionary(p => DossierFields.FormPrefix + p.Key, p => p.Value, StringComparer.Ordinal);
        after[DossierFields.ApplicantName] = applicantName;
        var changes = DossierCorrections.Diff(before, after);
        if (changes.Count == 0)
        {
            return current;
        }

        var form = changes.Where(c => c.Field != DossierFields.ApplicantName)
            .ToDictionary(c => c.Field[DossierFields.FormPrefix.Length..], c => c.To ?? string.Empty, StringComparer.Ordinal);
        var nameChanged = changes.Any(c => c.Field == DossierFields.ApplicantName);
        var edit = new DossierEdit(nameChanged ? applicantName : null, form);
        if (!DossierCorrections.NeedsReason(status))
        {
            return await dossiers.UpdateAsync(id, edit, cancellationToken);
        }

        var now = time.GetUtcNow();
        var entry = new Correction(now, by, reason!.Trim(), [.. changes.Select(c => c with { Field = c.Field.StartsWith(DossierFields.FormPrefix, StringComparison.Ordinal) ? c.Field[DossierFields.FormPrefix.Length..] : c.Field })]);
        var alsoWrite = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [AppendOnlyFields.FieldName(DossierCorrections.Collection, Guid.CreateVersion7(now))] = DossierCorrections.Json(entry),
        };
        return await dossiers.UpdateAsync(id, edit, cancellationToken, alsoWrite);
    }

    /// <summary>The corrections of a dossier, oldest first, as merged from every office.</summary>
    public async Task<IReadOnlyList<Correction>> ListAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var record = await store.GetAsync(id, cancellationToken);
        if (record is null || record.Type != RecordTypes.Dossier)
        {
            return [];
        }

        return [.. AppendOnlyFields.Read(record, DossierCorrections.Collection).Select(e => DossierCorrections.Parse(e.Json)).OfType<Correction>()];
    }
}
