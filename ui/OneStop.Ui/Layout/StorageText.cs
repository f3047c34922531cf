using System.Globalization;
using OneStop.Ui.Localisation;

namespace OneStop.Ui.Layout;

/// <summary>Sizes as people read them: megabytes and gigabytes, Vietnamese decimal comma.</summary>
public static class StorageText
{
    public static string Size(long? bytes, Loc l)
    {
        if (bytes is not { } b)
        {
            return "—";
        }

        var culture = l.IsEnglish ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(UiCultures.Vietnamese);
        return b >= 1L << 30
            ? (b / (double)(1L << 30)).ToString("0.0", culture) + " GB"
            : (b / (double)(1L << 20)).ToString("0", culture) + " MB";
    }
}
