using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace OneStop.EndToEnd.Tests;

/// <summary>
/// Why the edge store stays on SQLite (README, packages): a record and its change-log entry are one transaction,
/// so a process killed at any instant leaves both or neither, and every write the API acknowledged survives.
/// Real edge process, SIGKILL while four writers are busy, ten times over one data folder.
/// </summary>
public sealed class EdgeStoreKillLoopTests : IDisposable
{
    private const int Kills = 10;
    private const string Commune = "03006";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _data = Directory.CreateTempSubdirectory("onestop-e2e-kill-").FullName;

    [Fact]
    public async Task EdgeStore_SigkillLoopDuringWrites_EveryAcknowledgedWriteHasRecordAndLogEntry()
    {
        var edge = new EdgeNode("kill-node", "kill-key", _data);
        // No hub listens there: the node works offline, so only the store's own writes are in play.
        var noHub = HostProcess.FreePort();
        var acknowledged = new ConcurrentBag<Guid>();
        for (var kill = 1; kill <= Kills; kill++)
        {
            await edge.RestartAfterKillAsync(noHub, Commune, new Dictionary<string, string>());
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => WriteUntilFailureAsync(edge, acknowledged, $"Kill {kill} writer {w}", stop.Token)).ToList();
            var target = kill * 8;
            await Eventually.WaitForAsync(() => Task.FromResult(acknowledged.Count), n => n >= target, Patience, () => $"{acknowledged.Count} of {target} writes acknowledged");

            await edge.Process!.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "edge.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check"));
        var records = await IdsAsync(connection, "SELECT id FROM records WHERE type = 'dossier'");
        var logged = await IdsAsync(connection, "SELECT DISTINCT record_id FROM change_log");
        Assert.All(acknowledged, id => Assert.Contains(id.ToString(), records));
        Assert.All(acknowledged, id => Assert.Contains(id.ToString(), logged));
        // Nothing half-written either way: no dossier without its log entry.
        Assert.Empty(records.Except(logged));
        Assert.True(acknowledged.Count >= Kills * 8);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private static async Task WriteUntilFailureAsync(EdgeNode edge, ConcurrentBag<Guid> acknowledged, string applicant, CancellationToken stop)
    {
        await Task.Yield();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                acknowledged.Add(await edge.CreateDossierAsync(applicant));
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
            {
                // Killed mid-request: that write was never acknowledged, so it may or may not be there.
                return;
            }
        }
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private static async Task<HashSet<string>> IdsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
