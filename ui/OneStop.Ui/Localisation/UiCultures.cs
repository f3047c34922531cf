using System.Globalization;

namespace OneStop.Ui.Localisation;

/// <summary>The two UI languages: Vietnamese first, English for visitors and support.</summary>
public static class UiCultures
{
    public const string Vietnamese = "vi-VN";
    public const string English = "en-US";

    public static IReadOnlyList<string> All { get; } = [Vietnamese, English];

    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";
}
