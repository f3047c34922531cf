using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using OneStop.Storage;

namespace OneStop.Hub.Enrolment;

/// <summary>An enrolment token as the console lists it (never the secret: only its hash is kept).</summary>
public sealed record EnrolmentTokenRow(string NodeId, string CommuneCode, long CreatedMs, long ExpiresMs, string CreatedBy, long? UsedMs);

/// <summary>A certificate the CA issued, as the fleet page lists it.</summary>
public sealed record NodeCertificateRow(string Serial, string NodeId, string CommuneCode, long NotBeforeMs, long NotAfterMs, long? RevokedMs);

/// <summary>Why a token was not redeemed.</summary>
public enum TokenRefusal
{
    Unknown,
    Used,
    Expired,
    OtherCommune,
}

/// <summary>
/// Tokens (hashed) and the certificates the CA issued, in enrolment.db beside the hub's data. Which serials are
/// valid is also held in memory, so checking a call costs a lookup; the hub is the only writer of the file.
/// </summary>
public sealed class EnrolmentStore(string path)
{
    public const string FileName = "enrolment.db";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS enrolment_tokens (
            token_hash TEXT PRIMARY KEY,
            node_id TEXT NOT NULL,
            commune_code TEXT NOT NULL,
            created_ms INTEGER NOT NULL,
            expires_ms INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            used_ms INTEGER
        );
        CREATE TABLE IF NOT EXISTS node_certificates (
            serial TEXT PRIMARY KEY,
            node_id TEXT NOT NULL,
            commune_code TEXT NOT NULL,
            not_before_ms INTEGER NOT NULL,
            not_after_ms INTEGER NOT NULL,
            issued_ms INTEGER NOT NULL,
            revoked_ms INTEGER
        );
        CREATE INDEX IF NOT EXISTS node_certificates_node ON node_certificates (node_id);
        """;

    private readonly SqliteDatabase _database = new(path);

    // serial -> revoked; a serial the CA never recorded is refused like a revoked one.
    private readonly ConcurrentDictionary<string, bool> _serials = new(StringComparer.OrdinalIgnoreCase);

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        await _database.EnsureSchemaAsync(Schema, cancellationToken);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT serial, revoked_ms IS NOT NULL FROM node_certificates";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _serials[reader.GetString(0)] = reader.GetBoolean(1);
        }
    }

    /// <summary>True when the CA recorded this serial and nobody revoked it.</summary>
    public bool IsValidSerial(string serial) => _serials.TryGetValue(serial, out var revoked) && !revoked;

    public async Task AddTokenAsync(string tokenHash, string nodeId, string communeCode, long createdMs, long expiresMs, string createdBy, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO enrolment_tokens (token_hash, node_id, commune_code, created_ms, expires_ms, created_by)
            VALUES ($hash, $node, $commune, $created, $expires, $by)
            """;
        command.Parameters.AddWithValue("$hash", tokenHash);
        command.Parameters.AddWithValue("$node", nodeId);
        command.Parameters.AddWithValue("$commune", communeCode);
        command.Parameters.AddWithValue("$created", createdMs);
        command.Parameters.AddWithValue("$expires", expiresMs);
        command.Parameters.AddWithValue("$by", createdBy);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Redeems a token and records the certificate <paramref name="issue"/> makes, in one write transaction: two
    /// callers with the same token cannot both get a certificate, and a token is spent only if one was issued.
    /// </summary>
    public async Task<(TokenRefusal? Refusal, string NodeId, string CommuneCode, T? Issued)> RedeemAsync<T>(
        string tokenHash, string communeCode, long nowMs, Func<string, string, (T Issued, NodeCertificateRow Row)> issue, CancellationToken cancellationToken)
        where T : class
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        string nodeId, commune;
        long expires;
        long? used;
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT node_id, commune_code, expires_ms, used_ms FROM enrolment_tokens WHERE token_hash = $hash";
            read.Parameters.AddWithValue("$hash", tokenHash);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return (TokenRefusal.Unknown, string.Empty, string.Empty, null);
            }

            (nodeId, commune, expires, used) = (reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3));
        }

        TokenRefusal? refusal = used is not null ? TokenRefusal.Used
            : nowMs >= expires ? TokenRefusal.Expired
            : !string.Equals(commune, communeCode, StringComparison.Ordinal) ? TokenRefusal.OtherCommune
            : null;
        if (refusal is not null)
        {
            return (refusal, nodeId, commune, null);
        }

        var (issued, row) = issue(nodeId, commune);
        await using (var spend = connection.CreateCommand())
        {
            spend.Transaction = transaction;
            spend.CommandText = "UPDATE enrolment_tokens SET used_ms = $now WHERE token_hash = $hash AND used_ms IS NULL";
            spend.Parameters.AddWithValue("$now", nowMs);
            spend.Parameters.AddWithValue("$hash", tokenHash);
            await spend.ExecuteNonQueryAsync(cancellationToken);
        }

        await InsertCertificateAsync(connection, transaction, row, nowMs, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _serials[row.Serial] = false;
        return (null, nodeId, commune, issued);
    }

    /// <summary>Records a renewed certificate (the old one stays valid until it ends, so a node cut mid-renewal keeps working).</summary>
    public async Task AddCertificateAsync(NodeCertificateRow row, long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        await InsertCertificateAsync(connection, transaction, row, nowMs, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _serials[row.Serial] = false;
    }

    /// <summary>Revokes every certificate issued to the node so far; returns how many were still valid.</summary>
    public async Task<int> RevokeNodeAsync(string nodeId, long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE node_certificates SET revoked_ms = $now WHERE node_id = $node AND revoked_ms IS NULL RETURNING serial";
        command.Parameters.AddWithValue("$now", nowMs);
        command.Parameters.AddWithValue("$node", nodeId);
        var count = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _serials[reader.GetString(0)] = true;
            count++;
        }

        return count;
    }

    public async Task<IReadOnlyList<EnrolmentTokenRow>> ListTokensAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT node_id, commune_code, created_ms, expires_ms, created_by, used_ms FROM enrolment_tokens ORDER BY created_ms DESC LIMIT $max";
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<EnrolmentTokenRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new EnrolmentTokenRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetInt64(5)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<NodeCertificateRow>> ListCertificatesAsync(string nodeId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT serial, node_id, commune_code, not_before_ms, not_after_ms, revoked_ms FROM node_certificates WHERE node_id = $node ORDER BY issued_ms DESC";
        command.Parameters.AddWithValue("$node", nodeId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<NodeCertificateRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new NodeCertificateRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetInt64(5)));
        }

        return rows;
    }

    private static async Task InsertCertificateAsync(SqliteConnection connection, SqliteTransaction transaction, NodeCertificateRow row, long nowMs, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO node_certificates (serial, node_id, commune_code, not_before_ms, not_after_ms, issued_ms)
            VALUES ($serial, $node, $commune, $from, $to, $now)
            """;
        insert.Parameters.AddWithValue("$serial", row.Serial);
        insert.Parameters.AddWithValue("$node", row.NodeId);
        insert.Parameters.AddWithValue("$commune", row.CommuneCode);
        insert.Parameters.AddWithValue("$from", row.NotBeforeMs);
        insert.Parameters.AddWithValue("$to", row.NotAfterMs);
        insert.Parameters.AddWithValue("$now", nowMs);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
