using System.Diagnostics;
using Npgsql;

namespace OneStop.TestHosts;

/// <summary>
/// A throwaway PostgreSQL server from Debian's <c>postgresql</c> package: initdb into a temporary folder, a free
/// loopback port, trust authentication for one user, stopped and deleted at the end. PostgreSQL refuses to run
/// as root, so as root the server runs as the package's <c>postgres</c> user in a folder it owns.
/// ONESTOP_TEST_POSTGRES (a connection string) uses an existing server instead.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    /// <summary>An existing server to use instead of starting one.</summary>
    public const string ConnectionStringVariable = "ONESTOP_TEST_POSTGRES";

    private const string User = "onestop";
    private readonly string? _folder;
    private readonly string? _bin;

    private PostgresCluster(string connectionString, string? folder, string? bin)
    {
        ConnectionString = connectionString;
        _folder = folder;
        _bin = bin;
    }

    /// <summary>Connection string of the server's maintenance database.</summary>
    public string ConnectionString { get; }

    /// <summary>The newest installed server's bin folder (not on PATH in Debian's layout); null when none.</summary>
    public static string? BinDirectory =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderBy(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .LastOrDefault()
            : null;

    /// <summary>Why no server can be had here, or null.</summary>
    public static string? Missing =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } || BinDirectory is not null
            ? null
            : "no PostgreSQL server: install Debian's postgresql (test.sh does) or set " + ConnectionStringVariable;

    /// <param name="durable">False turns fsync off, for tests that measure nothing about durability; benches keep it on.</param>
    public static async Task<PostgresCluster> StartAsync(bool durable = true)
    {
        if (Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } existing)
        {
            return new PostgresCluster(existing, null, null);
        }

        var bin = BinDirectory ?? throw new InvalidOperationException(Missing);
        var folder = Directory.CreateTempSubdirectory("onestop-pg-").FullName;
        var asRoot = Environment.IsPrivilegedProcess;
        if (asRoot)
        {
            await RunAsync("chown", null, "postgres", folder);
        }

        try
        {
            var data = Path.Combine(folder, "data");
            await RunAsync(Path.Combine(bin, "initdb"), asRoot, "-D", data, "-A", "trust", "-U", User, "--no-sync", "-E", "UTF8", "--locale=C");
            var port = HostProcess.FreePort();
            var settings = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300" + (durable ? string.Empty : " -c fsync=off -c synchronous_commit=off");
            await RunAsync(Path.Combine(bin, "pg_ctl"), asRoot, "-D", data, "-o", settings, "-l", Path.Combine(folder, "log"), "-w", "-t", "60", "start");
            return new PostgresCluster($"Host=127.0.0.1;Port={port};Username={User};Database=postgres;Pooling=true;Maximum Pool Size=200;Timeout=60", folder, bin);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>A new empty database on the server, so each test starts clean; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Backs a database up with pg_dump (custom format, consistent while writers run) and restores it with
    /// pg_restore into a new database, as an operator restores a hub; returns the restored one's connection string.
    /// </summary>
    public async Task<string> DumpAndRestoreAsync(string connectionString)
    {
        var file = Path.Combine(Path.GetTempPath(), $"onestop-{Guid.NewGuid():N}.dump");
        try
        {
            await DumpAsync(connectionString, file);
            return await RestoreAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>pg_dump -Fc of a database into a file, as docs/backup.md tells an operator to back up a running hub.</summary>
    public async Task DumpAsync(string connectionString, string file)
    {
        var bin = BinDirectory ?? throw new InvalidOperationException(Missing);
        var source = new NpgsqlConnectionStringBuilder(connectionString);
        await RunAsync(Path.Combine(bin, "pg_dump"), null, [.. Server(source), "-Fc", "-f", file, source.Database!]);
    }

    /// <summary>pg_restore of a dump into a new empty database; returns that database's connection string.</summary>
    public async Task<string> RestoreAsync(string file)
    {
        var bin = BinDirectory ?? throw new InvalidOperationException(Missing);
        var restored = await CreateDatabaseAsync();
        var target = new NpgsqlConnectionStringBuilder(restored);
        await RunAsync(Path.Combine(bin, "pg_restore"), null, [.. Server(target), "--exit-on-error", "-d", target.Database!, file]);
        return restored;
    }

    private static string[] Server(NpgsqlConnectionStringBuilder database) =>
        ["-h", database.Host!, "-p", database.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", database.Username!];

    public async ValueTask DisposeAsync()
    {
        if (_folder is null || _bin is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), Environment.IsPrivilegedProcess, "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task RunAsync(string program, bool? asPostgres, params string[] arguments)
    {
        var info = new ProcessStartInfo(asPostgres == true ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres == true)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", program })
            {
                info.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
