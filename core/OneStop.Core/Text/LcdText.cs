namespace OneStop.Core.Text;

/// <summary>Prepares text for a character display such as a 16×2 HD44780 status panel.</summary>
public static class LcdText
{
    /// <summary>Default width of the status display.</summary>
    public const int DefaultWidth = 16;

    /// <summary>ASCII-folds the text and cuts or pads it to exactly <paramref name="width"/> characters,
    /// so a shorter message fully overwrites the previous one on the display.</summary>
    public static string FitLine(string? text, int width = DefaultWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        var ascii = VietnameseFolding.ToAscii(text);
        return ascii.Length >= width ? ascii[..width] : ascii.PadRight(width);
    }
}
