using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;

namespace OneStop.Edge.StoreHealth;

/// <param name="Complete">The check ran to the end (a bounded check may stop first).</param>
/// <param name="Findings">"ok", or SQLite's findings (first few), or why the file could not be checked.</param>
/// <param name="Milliseconds">How long it took.</param>
public sealed record CheckResult(bool Complete, IReadOnlyList<string> Findings, long Milliseconds)
{
    public bool Ok => Complete && Findings is ["ok"];

    public bool FoundDamage => Findings.Count > 0 && Findings is not ["ok"];

    public string Summary => string.Join("; ", Findings.Take(3));
}

/// <summary>SQLite's own checks of the database file, on a connection of their own and with a time bound.</summary>
public static class StoreChecks
{
    private const string Magic = "SQLite format 3\0";

    /// <summary>At most this many findings are kept: the first ones say enough, and a broken file can yield thousands.</summary>
    private const int MaxFindings = 20;

    /// <summary>What is wrong with the file's 100-byte header, or null when it reads as a SQLite database (or there is no file yet).</summary>
    public static string? CheckHeader(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return null;
        }

        Span<byte> header = stackalloc byte[100];
        using (var file = File.OpenRead(path))
        {
            if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
            {
                return "the file is shorter than a database header";
            }
        }

        if (Encoding.ASCII.GetString(header[..16]) != Magic)
        {
            return "the database header is damaged (no SQLite signature)";
        }

        var pageSize = PageSize(header);
        return pageSize is < 512 or > 65536 || (pageSize & (pageSize - 1)) != 0
            ? $"the database header is damaged (page size {pageSize})"
            : null;
    }

    /// <summary>Page size from a header's bytes 16-17 (big-endian; 1 means 65536).</summary>
    public static int PageSize(ReadOnlySpan<byte> header)
    {
        var raw = (header[16] << 8) | header[17];
        return raw == 1 ? 65536 : raw;
    }

    /// <summary>PRAGMA quick_check: b-tree structure and record formats, not index contents; O(N), the cheap one.</summary>
    public static Task<CheckResult> QuickCheckAsync(string path, TimeSpan bound, CancellationToken cancellationToken = default) =>
        RunAsync(path, $"PRAGMA quick_check({MaxFindings})", bound, cancellationToken);

    /// <summary>PRAGMA integrity_check: adds every index against its table; for the quiet hour.</summary>
    public static Task<CheckResult> IntegrityCheckAsync(string path, TimeSpan bound, CancellationToken cancellationToken = default) =>
        RunAsync(path, $"PRAGMA integrity_check({MaxFindings})", bound, cancellationToken);

    private static async Task<CheckResult> RunAsync(string path, string pragma, TimeSpan bound, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var findings = new List<string>();
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            // The progress handler is SQLite's own way to stop a long statement: every 10,000 VM steps it
            // asks whether to go on. A check past its bound stops there instead of holding the start-up.
            SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, 10_000, _ => watch.Elapsed > bound || cancellationToken.IsCancellationRequested ? 1 : 0, null);
            await using var command = connection.CreateCommand();
            command.CommandText = pragma;
            command.CommandTimeout = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                findings.Add(reader.GetString(0));
            }

            return new CheckResult(true, findings, watch.ElapsedMilliseconds);
        }
        catch (SqliteException ex) when ((ex.SqliteErrorCode & 0xFF) == 9)
        {
            // SQLITE_INTERRUPT: the bound was reached. What was found so far still counts.
            return new CheckResult(false, findings, watch.ElapsedMilliseconds);
        }
        catch (SqliteException ex) when (StoreFailures.Classify(ex) == StoreProblem.Corrupt)
        {
            findings.Add(ex.Message);
            return new CheckResult(true, findings, watch.ElapsedMilliseconds);
        }
    }
}
