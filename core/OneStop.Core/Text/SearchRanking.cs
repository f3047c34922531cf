namespace OneStop.Core.Text;

/// <summary>The texts of one searchable item, by how much a hit in each should count.</summary>
public sealed record SearchTexts(string Name, string? Code = null, string? Field = null, string? AlternateName = null);

public sealed record RankedItem<T>(T Item, int Score);

/// <summary>Orders a list (procedures, communes, ...) for a search query: name hits first, then code, then field.</summary>
public static class SearchRanking
{
    // A hit in the name outweighs any hit elsewhere; the English name is a fallback for staff who think in it.
    private const int NameWeight = 8;
    private const int AlternateNameWeight = 4;
    private const int CodeWeight = 3;
    private const int FieldWeight = 1;

    /// <summary>Items that match, best first; ties keep the input order. An empty query returns every item in order.</summary>
    public static IReadOnlyList<RankedItem<T>> Rank<T>(IEnumerable<T> items, string? query, Func<T, SearchTexts> texts)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(texts);
        if (VietnameseFolding.Words(query).Count == 0)
        {
            return items.Select(i => new RankedItem<T>(i, 0)).ToList();
        }

        return items
            .Select(item => new RankedItem<T>(item, ScoreOne(query, texts(item))))
            .Where(r => r.Score > 0)
            .OrderByDescending(r => r.Score)
            .ToList();
    }

    private static int ScoreOne(string? query, SearchTexts texts)
    {
        var scores = new[]
        {
            SearchMatcher.Score(query, texts.Name) * NameWeight,
            SearchMatcher.Score(query, texts.AlternateName) * AlternateNameWeight,
            SearchMatcher.Score(query, texts.Code) * CodeWeight,
            SearchMatcher.Score(query, texts.Field) * FieldWeight,
        };
        return scores.Max();
    }
}
