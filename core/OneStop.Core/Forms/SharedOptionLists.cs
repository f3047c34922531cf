using System.Text.Json;

namespace OneStop.Core.Forms;

/// <summary>Option lists shared by many forms (procedures.json shared_option_lists), referenced by options_ref.</summary>
public sealed class SharedOptionLists
{
    private readonly Dictionary<string, IReadOnlyList<FormOption>> _lists;

    public SharedOptionLists(IReadOnlyDictionary<string, IReadOnlyList<FormOption>> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        _lists = new Dictionary<string, IReadOnlyList<FormOption>>(lists, StringComparer.Ordinal);
    }

    public static SharedOptionLists Empty { get; } = new(new Dictionary<string, IReadOnlyList<FormOption>>());

    public IReadOnlyList<FormOption>? Find(string name) => _lists.GetValueOrDefault(name);

    /// <summary>Reads shared_option_lists from the text of procedures.json. A list of plain strings (ethnic groups) uses each
    /// string as value and both labels, since the official names are Vietnamese proper nouns.</summary>
    public static SharedOptionLists ParseCatalogue(string proceduresJson)
    {
        using var document = JsonDocument.Parse(proceduresJson);
        if (!document.RootElement.TryGetProperty("shared_option_lists", out var lists) || lists.ValueKind != JsonValueKind.Object)
        {
            return Empty;
        }

        var result = new Dictionary<string, IReadOnlyList<FormOption>>();
        foreach (var list in lists.EnumerateObject())
        {
            result[list.Name] = list.Value.EnumerateArray().Select(FormSchemaParser.ParseOption).ToList();
        }

        return new SharedOptionLists(result);
    }
}
