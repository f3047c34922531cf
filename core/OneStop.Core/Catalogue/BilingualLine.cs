namespace OneStop.Core.Catalogue;

/// <summary>
/// Catalogue lines written "Vietnamese / English" in one string (fee-exempt groups): split so each language shows
/// its own half. A line without the separator is the same in both.
/// </summary>
public static class BilingualLine
{
    private const string Separator = " / ";

    public static (string Vi, string En) Split(string? line)
    {
        var text = (line ?? string.Empty).Trim();
        var at = text.IndexOf(Separator, StringComparison.Ordinal);
        if (at <= 0)
        {
            return (text, text);
        }

        var vi = text[..at].Trim();
        var en = text[(at + Separator.Length)..].Trim();
        return en.Length == 0 ? (vi, vi) : (vi, en);
    }
}
