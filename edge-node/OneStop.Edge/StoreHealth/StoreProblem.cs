using Microsoft.Data.Sqlite;

namespace OneStop.Edge.StoreHealth;

/// <summary>Why the store cannot take a write: the disk is full, or the database file is damaged.</summary>
public enum StoreProblem
{
    Full,
    Corrupt,
}

/// <summary>
/// A write refused because of the storage, not because of the input. Derives from
/// InvalidOperationException so the sync agent treats it like any failed round (state, not a crash).
/// </summary>
public sealed class StoreUnavailableException(StoreProblem problem, string message, Exception? inner = null)
    : InvalidOperationException(message, inner)
{
    public StoreProblem Problem { get; } = problem;
}

/// <summary>Tells storage failures apart from everything else, whichever layer raised them.</summary>
public static class StoreFailures
{
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteNotADatabase = 26;

    // Linux errno values: .NET puts the raw errno into an IOException's HResult on Unix.
    private const int Enospc = 28;
    private const int Edquot = 122;

    /// <summary>The storage problem behind an exception (searched through inner exceptions), or null.</summary>
    public static StoreProblem? Classify(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StoreUnavailableException refused:
                    return refused.Problem;
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) == SqliteFull:
                    return StoreProblem.Full;
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) is SqliteCorrupt or SqliteNotADatabase:
                    return StoreProblem.Corrupt;
                case IOException io when io.HResult is Enospc or Edquot || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase):
                    return StoreProblem.Full;
            }
        }

        return null;
    }
}
