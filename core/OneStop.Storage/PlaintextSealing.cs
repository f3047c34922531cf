using System.Data.Common;
using OneStop.Core.Changes;
using OneStop.Core.Privacy;

namespace OneStop.Storage;

/// <summary>
/// The one-time pass both stores run at start over what an earlier build wrote in clear (or before the catalogue
/// marked a form key personal): the records' versions and live values, the conflicts' sides and a change log's
/// entries are rewritten sealed under the connection's cipher, inside the caller's transaction. Values do not change,
/// only their form on the disk: nothing is logged and no record's position moves (a node's pull or the hub's
/// repair sees nothing new). Rows already sealed are left as they are.
/// </summary>
public static class PlaintextSealing
{
    private const string SealedMetaKey = "personal_data_sealed";

    // The schema marks the store was last sealed under: a catalogue that marks a new key seals its old values at the next start.
    private const string MarksSealedMetaKey = "personal_data_marks_sealed";

    /// <summary>
    /// Feeds the connection's cipher the catalogue's marks (<see cref="FormMarks"/>) and says whether a pass is due: never
    /// run on this store (<c>meta.personal_data_sealed</c>), or a form key marked since the last one. Null without a cipher.
    /// </summary>
    public static async Task<SealingDue?> DueAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        if (RecordSealing.Of(connection) is null)
        {
            return null;
        }

        var marks = await FormMarks.LearnAsync(connection, cancellationToken);
        var sealedBefore = await MetaTable.ReadAsync(connection, null, SealedMetaKey, cancellationToken) is not null;
        var marksSealed = (await MetaTable.ReadAsync(connection, null, MarksSealedMetaKey, cancellationToken))?.Split('\n') ?? [];
        return new SealingDue(!sealedBefore || !marks.All(marksSealed.Contains), !sealedBefore, marks);
    }

    /// <summary>Records the pass done under <paramref name="due"/>'s marks, in the pass's transaction.</summary>
    public static async Task MarkDoneAsync(DbConnection connection, DbTransaction transaction, SealingDue due, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(due);
        await MetaTable.WriteAsync(connection, transaction, SealedMetaKey, "v1", cancellationToken);
        await MetaTable.WriteAsync(connection, transaction, MarksSealedMetaKey, string.Join('\n', due.Marks.Order(StringComparer.Ordinal)), cancellationToken);
    }

    /// <summary>Rewrites sealed every dossier holding a personal value in clear; returns how many.</summary>
    public static async Task<long> SealRecordsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken = default)
    {
        var cipher = RecordSealing.Of(connection) ?? throw new InvalidOperationException("The connection carries no cipher.");
        var ids = new List<Guid>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT id, fields FROM records WHERE type = @type";
            command.AddParameter("@type", RecordTypes.Dossier);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (ChangeCodec.DecodeFields(reader.GetString(1)).Values.Any(write => NeedsSealing(cipher, write)))
                {
                    ids.Add(Guid.Parse(reader.GetString(0)));
                }
            }
        }

        foreach (var id in ids)
        {
            // Load opens what is sealed and leaves plaintext as it is; sealing it again seals every personal value.
            var record = (await RecordTable.LoadAsync(connection, transaction, id, cancellationToken))!;
            var stored = RecordSealing.Seal(connection, record);
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE records SET fields = @fields, data = @data WHERE id = @id";
            update.AddParameter("@fields", ChangeCodec.EncodeFields(stored.Fields));
            update.AddParameter("@data", RecordSealing.EncodeValues(connection, record, stored));
            update.AddParameter("@id", id.ToString());
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return ids.Count;
    }

    /// <summary>Rewrites sealed each conflict whose sides hold a personal value in clear (ids derive from the writes, so they stay).</summary>
    public static async Task<long> SealConflictsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken = default)
    {
        var cipher = RecordSealing.Of(connection) ?? throw new InvalidOperationException("The connection carries no cipher.");
        var rewrites = new List<(string Id, string Sides)>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT id, record_id, sides FROM conflicts";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var recordId = Guid.Parse(reader.GetString(1));
                var sides = ChangeCodec.DecodeFields(reader.GetString(2));
                var encoded = ChangeCodec.EncodeFields(sides.ToDictionary(pair => pair.Key, pair => cipher.Seal(recordId, RecordTypes.Dossier, pair.Value), StringComparer.Ordinal));
                if (encoded != reader.GetString(2))
                {
                    rewrites.Add((reader.GetString(0), encoded));
                }
            }
        }

        foreach (var (id, sides) in rewrites)
        {
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE conflicts SET sides = @sides WHERE id = @id";
            update.AddParameter("@sides", sides);
            update.AddParameter("@id", id);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return rewrites.Count;
    }

    /// <summary>Rewrites sealed each entry of a change log (<paramref name="table"/>, keyed by <paramref name="keyColumn"/>, entry text in <c>entry</c>).</summary>
    public static async Task<long> SealLogAsync(DbConnection connection, DbTransaction transaction, string table, string keyColumn, CancellationToken cancellationToken = default)
    {
        var rewrites = new List<(long Key, string Entry)>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT {keyColumn}, entry FROM {table}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var stored = reader.GetString(1);
                var resealed = RecordSealing.EncodeEntry(connection, ChangeCodec.DecodeEntry(stored));
                if (resealed != stored)
                {
                    rewrites.Add((reader.GetInt64(0), resealed));
                }
            }
        }

        foreach (var (key, entry) in rewrites)
        {
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = $"UPDATE {table} SET entry = @entry WHERE {keyColumn} = @key";
            update.AddParameter("@entry", entry);
            update.AddParameter("@key", key);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return rewrites.Count;
    }

    private static bool NeedsSealing(PersonalDataCipher cipher, FieldChange write) =>
        write.Json is { } json && !write.Deleted && cipher.IsPersonal(RecordTypes.Dossier, write.Name)
        && !json.StartsWith("\"" + FieldEnvelope.Prefix, StringComparison.Ordinal);
}

/// <summary>Whether a sealing pass is due, whether it is the store's first (content too), and the marks it seals under.</summary>
public sealed record SealingDue(bool Due, bool FirstPass, IReadOnlySet<string> Marks);
