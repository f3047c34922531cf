using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using OneStop.Core.Changes;
using OneStop.Core.Repair;
using OneStop.Storage;

namespace OneStop.EndToEnd.Tests;

/// <summary>Backing the hub up with its own verb, restoring it as an operator would, and reading replicas' records.</summary>
internal sealed partial class SyncCluster
{
    /// <summary>Runs <c>OneStop.Hub backup &lt;file&gt;</c> against the hub's data folder (the hub may be running).</summary>
    public Task BackupHubAsync(string file) =>
        RunHubCommandAsync(new Dictionary<string, string> { ["Hub:DataDirectory"] = HubDataDirectory }, "backup", file);

    /// <summary>
    /// Runs a maintenance verb of the hub's executable (<c>backup</c>, <c>new-epoch</c>) with the given settings, as
    /// an operator would from a shell, and fails the test with its output when it does not exit 0.
    /// </summary>
    public static async Task RunHubCommandAsync(IReadOnlyDictionary<string, string> settings, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(RepoPaths.HostDll("central-hub", "OneStop.Hub"))!,
        };
        info.ArgumentList.Add(RepoPaths.HostDll("central-hub", "OneStop.Hub"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
    }

    /// <summary>What an operator does without our restore command: copy last night's file over the data folder.</summary>
    public void RestoreHubByPlainCopy(string file)
    {
        Assert.Null(Hub);
        var database = Path.Combine(HubDataDirectory, "hub.db");
        File.Delete(database + "-wal");
        File.Delete(database + "-shm");
        File.Copy(file, database, overwrite: true);
    }

    public static string EdgeDatabase(EdgeNode edge) => Path.Combine(edge.DataDirectory, "edge.db");

    public string HubDatabase => Path.Combine(HubDataDirectory, "hub.db");

    /// <summary>
    /// Each dossier a replica holds with the hash of every write it holds (the core's own digest): two replicas
    /// with equal maps hold the same records with the same versions, conflicts included. Personal values are sealed
    /// at rest under each replica's own key with random nonces, so they are opened with the key file that sits beside
    /// the database (the node's data.key, the hub's province.key) before hashing, as the stores' own digests do.
    /// </summary>
    public static async Task<Dictionary<Guid, ulong>> DossierHashesAsync(string databaseFile)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        RecordSealing.Attach(connection, SealingKeys.Beside(Path.GetDirectoryName(Path.GetFullPath(databaseFile))!));
        return await DossierHashesAsync(connection);
    }

    /// <summary>The same map from a hub on PostgreSQL (the records table has the same columns on both stores), opened with the hub's key.</summary>
    public static async Task<Dictionary<Guid, ulong>> PostgresDossierHashesAsync(string connectionString, string hubDataDirectory)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        RecordSealing.Attach(connection, SealingKeys.Beside(hubDataDirectory));
        return await DossierHashesAsync(connection);
    }

    private static async Task<Dictionary<Guid, ulong>> DossierHashesAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, type, scope, fields FROM records WHERE type = 'dossier'";
        await using var reader = await command.ExecuteReaderAsync();
        var map = new Dictionary<Guid, ulong>();
        while (await reader.ReadAsync())
        {
            var record = RecordSealing.Open(connection, new StoredRecord(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), ChangeCodec.DecodeFields(reader.GetString(3))));
            map[record.Id] = RecordDigest.Hash(record);
        }

        return map;
    }
}
