using System.Globalization;
using OneStop.HubConsole.Localisation;

namespace OneStop.HubConsole;

/// <summary>Today in the province (UTC+7), from the injected clock: effective dates are local dates.</summary>
public static class ConsoleToday
{
    public static DateOnly Of(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ConsoleLoc.VietnamOffset).DateTime);
    }

    /// <summary>A date as both languages write it on forms here (day first).</summary>
    public static string Text(DateOnly date) => date.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);

    /// <summary>The value of an HTML date input.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseIso(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
