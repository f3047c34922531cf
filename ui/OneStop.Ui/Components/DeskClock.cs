using OneStop.Core.Calendar;

namespace OneStop.Ui.Components;

/// <summary>The desk's local date: Vietnam time, whatever zone the host runs in.</summary>
public static class DeskClock
{
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().ToOffset(AppointmentCalculator.VietnamOffset).DateTime);
    }

    /// <summary>Statuses in which the office still owes the resident a result by the due date.</summary>
    public static bool IsOpen(OneStop.Core.Dossiers.DossierStatus status) =>
        status is OneStop.Core.Dossiers.DossierStatus.Received or OneStop.Core.Dossiers.DossierStatus.Processing or OneStop.Core.Dossiers.DossierStatus.SupplementRequested;
}
