namespace OneStop.Simulation;

/// <summary>What a seed found wrong. Kept as text so the bench can print the first failing seed as it is.</summary>
public sealed class Findings
{
    private readonly List<string> _items = [];

    public IReadOnlyList<string> Items => _items;

    public bool Any => _items.Count > 0;

    public void Add(string finding) => _items.Add(finding);

    public void Check(bool condition, Func<string> describe)
    {
        ArgumentNullException.ThrowIfNull(describe);
        if (!condition)
        {
            _items.Add(describe());
        }
    }
}
