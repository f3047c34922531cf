using OneStop.Core.Changes;

namespace OneStop.Edge.Store;

public sealed partial class EdgeStore
{
    /// <summary>
    /// Dossiers with changes the hub has not acknowledged yet: what "waiting to send" means to a clerk. One dossier
    /// filed and received offline is two log entries but one dossier.
    /// </summary>
    public async Task<long> CountBacklogDossiersAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(DISTINCT c.record_id) FROM change_log c JOIN records r ON r.id = c.record_id
            WHERE c.seq > COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = $key), 0) AND r.type = $type
            """;
        command.Parameters.AddWithValue("$key", MetaKeys.PushAcked);
        command.Parameters.AddWithValue("$type", RecordTypes.Dossier);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
