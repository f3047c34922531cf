namespace OneStop.Hardware.Text;

/// <summary>A fixed-cell 1-bit font: glyph rows packed MSB-first, <c>(Width + 7) / 8</c> bytes per row.</summary>
public interface IBitmapFont
{
    int Width { get; }

    int Height { get; }

    /// <summary>Looks up one text element (a letter with all its combining marks); false when the font cannot draw it.</summary>
    bool TryGetGlyph(string textElement, out ReadOnlySpan<byte> glyph);
}
