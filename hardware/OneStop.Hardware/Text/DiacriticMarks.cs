namespace OneStop.Hardware.Text;

/// <summary>
/// The marks Vietnamese puts on its letters, drawn by hand like <see cref="BaseGlyphs"/>, six columns wide and
/// centred on columns 2-3 (the centre of a six-column letter); the font re-centres them on narrower letters.
/// </summary>
internal static class DiacriticMarks
{
    public const char Grave = '\u0300';
    public const char Acute = '\u0301';
    public const char Circumflex = '\u0302';
    public const char Tilde = '\u0303';
    public const char Breve = '\u0306';
    public const char HookAbove = '\u0309';
    public const char Horn = '\u031B';
    public const char DotBelow = '\u0323';

    /// <summary>Marks stacked above the letter; circumflex and breve sit closest, a tone goes above them.</summary>
    public static IReadOnlyDictionary<char, string[]> Above { get; } = new Dictionary<char, string[]>
    {
        [Circumflex] = ["..##..", ".#..#."],
        [Breve] = [".#..#.", "..##.."],
        [Grave] = ["..#...", "...#.."],
        [Acute] = ["...#..", "..#..."],
        [Tilde] = [".##..#", "#..##."],
        [HookAbove] = ["..##..", "....#.", "...#.."],
    };

    /// <summary>One row under the baseline; moved sideways when a descender is in the way (ỵ).</summary>
    public static string DotBelowRow => "..##..";

    public static bool IsHatOrBreve(char mark) => mark is Circumflex or Breve;
}
