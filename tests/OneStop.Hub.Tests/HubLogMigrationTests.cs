using Microsoft.Data.Sqlite;
using OneStop.Hub.Nodes;
using OneStop.Hub.Store;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.Storage;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests;

/// <summary>A hub database of the build before incarnations opens with its log, cursors and acknowledgements intact.</summary>
public sealed class HubLogMigrationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("onestop-hub-migration-").FullName;

    [Fact]
    public async Task Initialise_DatabaseOfPreviousBuild_KeepsLogAndAckAndAcceptsNewIncarnations()
    {
        var database = new SqliteDatabase(Path.Combine(_root, "hub.db"));
        var legacy = Changes.Dossier(NodeA, 1, CommuneA, "Lò Văn Hùng");
        await using (var connection = await database.OpenAsync())
        {
            await SqliteDatabase.ExecuteAsync(connection, RecordTable.Schema + PreviousLogSchema + MetaTable.Schema);
            await SqliteDatabase.ExecuteAsync(connection, $"""
                INSERT INTO hub_log (hub_seq, origin_node, origin_seq, record_id, scope, entry) VALUES (41, '{NodeA}', 1, '{legacy.RecordId}', '{CommuneA}', '{ChangeCodec.EncodeEntry(legacy)}');
                INSERT INTO node_state (node_id, acked_seq) VALUES ('{NodeA}', 1);
                """);
        }

        var store = new HubStore(database, "hub", TimeProvider.System, 300_000);
        await store.InitialiseAsync();
        await store.InitialiseAsync();

        var node = new NodeIdentity(NodeA, CommuneA);
        var repeat = await store.PushAsync(node, [legacy]);
        Assert.Equal((1L, 1), (repeat.AckedSeq, repeat.Duplicates));
        var rebuilt = Changes.Dossier(NodeA, 1, CommuneA, "Lò Thị Mai") with { OriginIncarnation = "0199a000-0000-7000-8000-000000000009" };
        var fresh = await store.PushAsync(node, rebuilt.OriginIncarnation, [rebuilt]);
        Assert.Equal((1L, 1), (fresh.AckedSeq, fresh.Applied));

        var log = await store.ReadLogAfterAsync(CommuneA, 0, 10);
        Assert.Equal([41L, 42L], log.Select(e => e.HubSeq));
        Assert.Equal([string.Empty, rebuilt.OriginIncarnation], log.Select(e => e.Change.OriginIncarnation));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>hub_log and node_state as the build before incarnations created them.</summary>
    private const string PreviousLogSchema = """
        CREATE TABLE IF NOT EXISTS hub_log (
            hub_seq INTEGER PRIMARY KEY AUTOINCREMENT,
            origin_node TEXT NOT NULL,
            origin_seq INTEGER NOT NULL,
            record_id TEXT NOT NULL,
            scope TEXT NOT NULL,
            entry TEXT NOT NULL,
            clamped INTEGER NOT NULL DEFAULT 0,
            UNIQUE (origin_node, origin_seq)
        );
        CREATE INDEX IF NOT EXISTS hub_log_scope ON hub_log(scope, hub_seq);
        CREATE TABLE IF NOT EXISTS node_state (
            node_id TEXT PRIMARY KEY,
            acked_seq INTEGER NOT NULL DEFAULT 0,
            last_version TEXT,
            last_seen_ms INTEGER,
            last_clock_offset_ms INTEGER,
            reported_backlog INTEGER,
            software_version TEXT,
            devices TEXT,
            last_error TEXT
        );
        """;
}
