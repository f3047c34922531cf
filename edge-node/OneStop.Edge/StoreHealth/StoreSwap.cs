using Microsoft.Data.Sqlite;

namespace OneStop.Edge.StoreHealth;

/// <summary>
/// Puts a salvaged database in place of a damaged one, in steps that a power cut at any moment leaves
/// recoverable: the salvaged file is first renamed next to the live one (<c>edge.db.salvaged</c>), then the
/// damaged file and its WAL are renamed aside with a timestamp, then the salvaged file takes the live name.
/// A start that finds <c>edge.db.salvaged</c> without <c>edge.db</c> finishes the swap (<see cref="FinishInterrupted"/>).
/// </summary>
public static class StoreSwap
{
    public static string SalvagedPath(string livePath) => livePath + ".salvaged";

    /// <summary>Where the damaged file is kept: beside the live one, named for the moment of the swap, its WAL beside it so the pair still opens.</summary>
    public static string DamagedPath(string livePath, DateTimeOffset at) =>
        Path.Combine(Path.GetDirectoryName(livePath)!, $"{Path.GetFileNameWithoutExtension(livePath)}-damaged-{StoreSalvage.Stamp(at)}{Path.GetExtension(livePath)}");

    /// <returns>The path the damaged file was kept at.</returns>
    public static string SwapIn(string livePath, string freshPath, DateTimeOffset at)
    {
        var salvaged = SalvagedPath(livePath);
        File.Move(freshPath, salvaged, overwrite: true);
        // Pooled connections would keep the damaged file open under its new name and write to it.
        SqliteConnection.ClearAllPools();
        var damaged = DamagedPath(livePath, at);
        if (File.Exists(livePath))
        {
            File.Move(livePath, damaged);
        }

        if (File.Exists(livePath + "-wal"))
        {
            File.Move(livePath + "-wal", damaged + "-wal");
        }

        File.Delete(livePath + "-shm");
        File.Move(salvaged, livePath);
        return damaged;
    }

    /// <summary>Completes a swap a power cut interrupted; true when there was one.</summary>
    public static bool FinishInterrupted(string livePath)
    {
        var salvaged = SalvagedPath(livePath);
        if (File.Exists(livePath) || !File.Exists(salvaged))
        {
            return false;
        }

        File.Delete(livePath + "-wal");
        File.Delete(livePath + "-shm");
        File.Move(salvaged, livePath);
        return true;
    }
}
