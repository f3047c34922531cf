using OneStop.Core.Changes;
using OneStop.Edge.Clock;
using OneStop.Ui.Ports;

namespace OneStop.Edge.Ui;

/// <summary>The dates confirmed by hand on a dossier, as the desk's history and slip show them.</summary>
internal static class DeskDateConfirmations
{
    public static IReadOnlyList<DeskDateConfirmation> Read(StoredRecord record) =>
        [.. LegalDateFields.Read(record).Select(c => new DeskDateConfirmation(c.Act, c.Date, c.By))];
}
