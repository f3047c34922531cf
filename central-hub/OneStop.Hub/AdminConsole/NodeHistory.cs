using OneStop.HubConsole.Ports;
using OneStop.Storage;

namespace OneStop.Hub.AdminConsole;

/// <summary>
/// Samples of each node's state, one per hello the sampler noticed, for the node page's history. Kept apart
/// from the sync path: the sampler reads the fleet table, so nothing on a node's call waits on this.
/// </summary>
public sealed class NodeHistory(ConsoleDatabase database)
{
    /// <summary>How many samples a node keeps: about a month at one hello an hour would need 720.</summary>
    public const int KeepPerNode = 1000;

    public async Task AddAsync(string nodeId, FleetSample sample, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO node_history (node_id, seen_ms, backlog, clock_offset_ms, software_version, last_refusal, faulty_devices)
            VALUES (@node, @seen, @backlog, @offset, @version, @refusal, @faulty) ON CONFLICT DO NOTHING;
            DELETE FROM node_history WHERE node_id = @node AND seen_ms < (
                SELECT seen_ms FROM node_history WHERE node_id = @node ORDER BY seen_ms DESC LIMIT 1 OFFSET @keep);
            """;
        command.AddParameter("@node", nodeId);
        command.AddParameter("@seen", sample.SeenMs);
        command.AddParameter("@backlog", (object?)sample.Backlog ?? DBNull.Value);
        command.AddParameter("@offset", (object?)sample.ClockOffsetMs ?? DBNull.Value);
        command.AddParameter("@version", (object?)sample.SoftwareVersion ?? DBNull.Value);
        command.AddParameter("@refusal", (object?)sample.LastRefusal ?? DBNull.Value);
        command.AddParameter("@faulty", sample.FaultyDevices);
        command.AddParameter("@keep", KeepPerNode - 1);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The newest samples of a node, newest first.</summary>
    public async Task<IReadOnlyList<FleetSample>> ReadAsync(string nodeId, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT seen_ms, backlog, clock_offset_ms, software_version, last_refusal, faulty_devices
            FROM node_history WHERE node_id = @node ORDER BY seen_ms DESC LIMIT @max
            """;
        command.AddParameter("@node", nodeId);
        command.AddParameter("@max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<FleetSample>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new FleetSample(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetInt32(5)));
        }

        return list;
    }

    /// <summary>The latest sample time of every node, so the sampler adds only hellos it has not seen.</summary>
    public async Task<Dictionary<string, long>> LatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT node_id, MAX(seen_ms) FROM node_history GROUP BY node_id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var latest = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            latest[reader.GetString(0)] = reader.GetInt64(1);
        }

        return latest;
    }
}
