namespace OneStop.Core.Text;

/// <summary>
/// Diacritic- and case-insensitive matching for search boxes: each typed word must begin a word of the text
/// ("khai s" finds "Đăng ký khai sinh"), or the typed text without spaces must occur in the text without spaces
/// (so "khaisinh" finds "khai sinh" and "hotich.khaisinh").
/// </summary>
public static class SearchMatcher
{
    public static bool Matches(string? query, string? text) => Score(query, text) > 0;

    /// <summary>0 for no match; higher is better. Equal text beats prefix beats whole words beats word prefixes beats substring.</summary>
    public static int Score(string? query, string? text)
    {
        var queryWords = VietnameseFolding.Words(query);
        if (queryWords.Count == 0)
        {
            return 0;
        }

        var textWords = VietnameseFolding.Words(text);
        var queryJoined = string.Join(' ', queryWords);
        var textJoined = string.Join(' ', textWords);
        if (queryJoined == textJoined)
        {
            return 1000;
        }

        var wordScore = ScoreWords(queryWords, textWords);
        if (wordScore > 0)
        {
            var prefixBonus = textJoined.StartsWith(queryJoined, StringComparison.Ordinal) ? 300 : 0;
            return 200 + prefixBonus + wordScore;
        }

        var compactQuery = string.Concat(queryWords);
        var compactText = string.Concat(textWords);
        return compactText.Contains(compactQuery, StringComparison.Ordinal) ? 100 : 0;
    }

    private static int ScoreWords(IReadOnlyList<string> queryWords, IReadOnlyList<string> textWords)
    {
        var score = 0;
        foreach (var queryWord in queryWords)
        {
            var best = 0;
            foreach (var textWord in textWords)
            {
                if (textWord == queryWord)
                {
                    best = 10;
                    break;
                }

                if (textWord.StartsWith(queryWord, StringComparison.Ordinal))
                {
                    best = Math.Max(best, 5);
                }
            }

            if (best == 0)
            {
                return 0;
            }

            score += best;
        }

        return score;
    }
}
