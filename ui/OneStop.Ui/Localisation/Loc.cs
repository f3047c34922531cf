using System.Globalization;
using OneStop.Core.Dossiers;

namespace OneStop.Ui.Localisation;

/// <summary>
/// Every user-visible string goes through here. The culture is the circuit's, set from the culture cookie
/// when the page was requested, so switching language reloads the page.
/// </summary>
public sealed class Loc
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo(UiCultures.Vietnamese);

    public bool IsEnglish => UiCultures.IsEnglish(CultureInfo.CurrentUICulture);

    public string this[string key] =>
        UiText.Strings.TryGetValue(key, out var text) ? (IsEnglish ? text.En : text.Vi) : key;

    public string Format(string key, params object?[] args) =>
        string.Format(IsEnglish ? CultureInfo.InvariantCulture : Vi, this[key], args);

    /// <summary>Chooses between catalogue text in both languages (procedure names, form labels).</summary>
    public string Pick(string vi, string en) => IsEnglish && !string.IsNullOrWhiteSpace(en) ? en : vi;

    public string Status(DossierStatus status) => this["status." + status.ToName()];

    // Vietnamese writes dates day first with slashes and groups thousands with dots.
    public string Date(DateOnly date) => date.ToString(IsEnglish ? "d MMM yyyy" : "dd'/'MM'/'yyyy", IsEnglish ? CultureInfo.InvariantCulture : Vi);

    public string DateTime(DateTimeOffset moment) =>
        moment.ToOffset(OneStop.Core.Calendar.AppointmentCalculator.VietnamOffset)
            .ToString(IsEnglish ? "d MMM yyyy HH:mm" : "HH:mm dd'/'MM'/'yyyy", IsEnglish ? CultureInfo.InvariantCulture : Vi);

    public string Money(long amountVnd) => amountVnd.ToString("#,0", Vi) + " đ";
}
