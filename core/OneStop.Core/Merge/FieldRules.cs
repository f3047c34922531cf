using OneStop.Core.Changes;
using OneStop.Core.Dossiers;

namespace OneStop.Core.Merge;

/// <summary>Which <see cref="FieldRule"/> governs a field: decided by names only, so every replica agrees.</summary>
public static class FieldRules
{
    public static FieldRule For(string recordType, string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (AppendOnlyFields.IsElement(field))
        {
            return FieldRule.AppendOnce;
        }

        return recordType == RecordTypes.Dossier && field == DossierFields.Status
            ? FieldRule.StatusLifecycle
            : FieldRule.LastWriterWins;
    }
}
