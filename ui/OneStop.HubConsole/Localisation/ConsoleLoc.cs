using System.Globalization;

namespace OneStop.HubConsole.Localisation;

/// <summary>
/// Every word the console shows goes through here. The culture is the request's (from the culture cookie),
/// carried into the interactive circuit, so switching language reloads the page.
/// </summary>
public sealed class ConsoleLoc
{
    /// <summary>Vietnam's offset: the province reads times in its own zone, whatever the server's is.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo(ConsoleCultures.Vietnamese);

    public bool IsEnglish => ConsoleCultures.IsEnglish(CultureInfo.CurrentUICulture);

    public string this[string key] =>
        ConsoleText.Strings.TryGetValue(key, out var text) ? (IsEnglish ? text.En : text.Vi) : key;

    public string Format(string key, params object?[] args) =>
        string.Format(IsEnglish ? CultureInfo.InvariantCulture : Vi, this[key], args);

    public string Time(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToOffset(VietnamOffset)
            .ToString(IsEnglish ? "d MMM yyyy HH:mm" : "HH:mm dd'/'MM'/'yyyy", IsEnglish ? CultureInfo.InvariantCulture : Vi);

    public string Number(long value) => value.ToString("#,0", IsEnglish ? CultureInfo.InvariantCulture : Vi);

    /// <summary>A clock offset for people: seconds when small, minutes beyond.</summary>
    public string Offset(long offsetMs) => Math.Abs(offsetMs) < 120_000
        ? Format("fleet.offset.seconds", Math.Round(offsetMs / 1000.0, 1))
        : Format("fleet.offset.minutes", offsetMs / 60_000);
}
