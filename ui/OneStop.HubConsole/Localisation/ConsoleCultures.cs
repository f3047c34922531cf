using System.Globalization;

namespace OneStop.HubConsole.Localisation;

/// <summary>The console's two languages: Vietnamese first, English for support staff.</summary>
public static class ConsoleCultures
{
    public const string Vietnamese = "vi-VN";
    public const string English = "en-US";

    public static IReadOnlyList<string> All { get; } = [Vietnamese, English];

    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";
}
