namespace OneStop.Hardware.Text;

/// <summary>
/// Glyphs authored side by side: row <c>r</c> of the sheet holds row <c>r</c> of every glyph, separated by one
/// space, so a reviewer sees the letters as they will print.
/// </summary>
internal sealed record GlyphSheet(string Characters, IReadOnlyList<string> Rows)
{
    /// <summary>Row strings of the glyph at <paramref name="index"/> in <see cref="Characters"/>.</summary>
    public IEnumerable<string> RowsOf(int index, int columns) =>
        Rows.Select(row => row.Substring(index * (columns + 1), columns));
}
