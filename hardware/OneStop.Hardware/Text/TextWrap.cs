namespace OneStop.Hardware.Text;

public static class TextWrap
{
    /// <summary>Greedy word wrap; words longer than a line are split. Widths count characters, not bytes.</summary>
    public static IEnumerable<string> Wrap(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > width)
            {
                if (line.Length > 0)
                {
                    yield return line;
                    line = string.Empty;
                }

                yield return rest[..width];
                rest = rest[width..];
            }

            if (line.Length == 0)
            {
                line = rest;
            }
            else if (line.Length + 1 + rest.Length <= width)
            {
                line += " " + rest;
            }
            else
            {
                yield return line;
                line = rest;
            }
        }

        if (line.Length > 0 || text.Length == 0)
        {
            yield return line;
        }
    }
}
