namespace OneStop.Core.Changes;

/// <summary>A record's scope is its commune code, or <see cref="Global"/> for reference data.</summary>
public static class Scopes
{
    public const string Global = "global";

    /// <summary>Whether a node of <paramref name="communeCode"/> may read records of <paramref name="scope"/>.</summary>
    public static bool Readable(string scope, string communeCode) => scope == Global || scope == communeCode;
}
