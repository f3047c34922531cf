using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Hub.Store;
using OneStop.Storage;

namespace OneStop.Hub.Attachments;

/// <summary>
/// Originals of shrunk scans that a province admin asked for, per attachment: asked (by whom, when), then received
/// once the whole original hashes to the SHA-256 its record names. The content itself goes through
/// <see cref="AttachmentStore"/> like every other blob; this table only says which originals the hub wants and from
/// which commune, so an upload nobody asked for is refused before a byte is stored.
/// </summary>
public sealed class OriginalRequests(IHubDatabase database, HubStore store, AttachmentStore blobs, TimeProvider time)
{
    // Created on first use rather than in the hub's migrations: a table of its own, reached by nothing else. The
    // lock makes two PostgreSQL instances starting together create it once (CREATE ... IF NOT EXISTS is not atomic there).
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS original_requests (
            attachment_id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL,
            scope TEXT NOT NULL,
            requested_by TEXT NOT NULL,
            requested_ms BIGINT NOT NULL,
            received_ms BIGINT
        );
        CREATE INDEX IF NOT EXISTS original_requests_scope ON original_requests (scope, sha256);
        """;

    private readonly SchemaOnce _schema = new(ct => CreateSchemaAsync(database, ct));

    /// <summary>
    /// Asks for the original behind a scan attachment. Asking again for one already asked or received changes nothing.
    /// Null when there is no such attachment or it has no original (a file that was not shrunk).
    /// </summary>
    public async Task<OriginalRequest?> RequestAsync(Guid attachmentId, string actor, CancellationToken cancellationToken = default)
    {
        if (await OriginalOfAsync(attachmentId, cancellationToken) is not { } original)
        {
            return null;
        }

        await EnsureSchemaAsync(cancellationToken);
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await database.BeginWriteAsync(connection, cancellationToken))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO original_requests (attachment_id, sha256, scope, requested_by, requested_ms)
                VALUES (@id, @sha, @scope, @actor, @now) ON CONFLICT (attachment_id) DO NOTHING
                """;
            command.AddParameter("@id", attachmentId.ToString());
            command.AddParameter("@sha", original.Sha256);
            command.AddParameter("@scope", original.Scope);
            command.AddParameter("@actor", actor);
            command.AddParameter("@now", time.GetUtcNow().ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await ReadAsync(attachmentId, cancellationToken);
    }

    /// <summary>The request for one attachment, or null when nobody asked.</summary>
    public async Task<OriginalRequest?> ReadAsync(Guid attachmentId, CancellationToken cancellationToken = default) =>
        (await QueryAsync("attachment_id = @id", c => c.AddParameter("@id", attachmentId.ToString()), cancellationToken)).SingleOrDefault();

    /// <summary>What a commune's nodes are asked to send: requests not yet received, oldest first.</summary>
    public Task<IReadOnlyList<OriginalRequest>> ListOpenAsync(string scope, CancellationToken cancellationToken = default) =>
        QueryAsync("scope = @scope AND received_ms IS NULL", c => c.AddParameter("@scope", scope), cancellationToken);

    /// <summary>How many originals this commune is asked for and has not sent: told to its nodes in every Hello.</summary>
    public async Task<int> CountOpenAsync(string scope, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM original_requests WHERE scope = @scope AND received_ms IS NULL";
        command.AddParameter("@scope", scope);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Every request, for the console.</summary>
    public Task<IReadOnlyList<OriginalRequest>> ListAllAsync(CancellationToken cancellationToken = default) =>
        QueryAsync("1 = 1", _ => { }, cancellationToken);

    /// <summary>True when someone asked this commune for the original of this hash and it has not arrived yet.</summary>
    public async Task<bool> IsOpenAsync(string scope, string sha256, CancellationToken cancellationToken = default) =>
        (await QueryAsync(
            "scope = @scope AND sha256 = @sha AND received_ms IS NULL",
            c =>
            {
                c.AddParameter("@scope", scope);
                c.AddParameter("@sha", sha256);
            },
            cancellationToken)).Count > 0;

    /// <summary>Marks every open request of this commune for this hash received, once the store holds the whole content.</summary>
    public async Task MarkReceivedAsync(string scope, string sha256, CancellationToken cancellationToken = default)
    {
        if ((await blobs.QueryAsync(sha256, cancellationToken)) is not { Complete: true })
        {
            throw new InvalidOperationException($"original {sha256} is not complete at the hub");
        }

        await EnsureSchemaAsync(cancellationToken);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE original_requests SET received_ms = @now WHERE scope = @scope AND sha256 = @sha AND received_ms IS NULL";
        command.AddParameter("@now", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.AddParameter("@scope", scope);
        command.AddParameter("@sha", sha256);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The received original of an attachment and its media type; null when it has not arrived.</summary>
    public async Task<(string ContentType, byte[] Content)?> ReadOriginalAsync(Guid attachmentId, CancellationToken cancellationToken = default)
    {
        if (await ReadAsync(attachmentId, cancellationToken) is not { ReceivedMs: not null } request
            || await blobs.ReadCompleteAsync(request.Sha256, cancellationToken) is not { } content)
        {
            return null;
        }

        var original = await OriginalOfAsync(attachmentId, cancellationToken);
        return (original?.ContentType ?? "application/octet-stream", content);
    }

    /// <summary>What the attachment record says of its original: its hash, commune and media type.</summary>
    public async Task<AttachmentOriginal?> OriginalOfAsync(Guid attachmentId, CancellationToken cancellationToken = default)
    {
        var record = await store.GetAsync(attachmentId, cancellationToken);
        return record is { Type: RecordTypes.Attachment, IsDeleted: false } ? AttachmentOriginal.Of(record.Id, record.Scope, RecordData.Of(record).DataJson) : null;
    }

    private async Task<IReadOnlyList<OriginalRequest>> QueryAsync(string where, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT attachment_id, sha256, scope, requested_by, requested_ms, received_ms FROM original_requests WHERE {where} ORDER BY requested_ms, attachment_id";
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<OriginalRequest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OriginalRequest(
                Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5)));
        }

        return rows;
    }

    private Task EnsureSchemaAsync(CancellationToken cancellationToken) => _schema.EnsureAsync(cancellationToken);

    private static async Task CreateSchemaAsync(IHubDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await database.LockAsync(connection, transaction, ["schema:original_requests"], cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Schema;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>One admin's request for the original behind an attachment; <see cref="ReceivedMs"/> set once it arrived whole.</summary>
public sealed record OriginalRequest(Guid AttachmentId, string Sha256, string Scope, string RequestedBy, long RequestedMs, long? ReceivedMs);

/// <summary>What an attachment record names of the original behind its shrunk scan.</summary>
public sealed record AttachmentOriginal(Guid AttachmentId, string Scope, string Sha256, long Size, string ContentType, string FileName, Guid? DossierId)
{
    /// <summary>Null when the record names no original (a file that was not shrunk).</summary>
    public static AttachmentOriginal? Of(Guid id, string scope, string dataJson)
    {
        using var document = JsonDocument.Parse(dataJson);
        var root = document.RootElement;
        if (!root.TryGetProperty("original_sha256", out var sha) || sha.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return new AttachmentOriginal(
            id,
            scope,
            sha.GetString()!,
            root.TryGetProperty("original_size", out var size) && size.TryGetInt64(out var bytes) ? bytes : 0,
            Text(root, "original_content_type") ?? "application/octet-stream",
            Text(root, "file_name") ?? string.Empty,
            Guid.TryParse(Text(root, "dossier_id"), out var dossier) ? dossier : null);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
