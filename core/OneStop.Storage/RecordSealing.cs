using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Core.Privacy;

namespace OneStop.Storage;

/// <summary>
/// The cipher a connection's store seals personal fields under, attached when the store's database opens it. The
/// shared tables (<see cref="RecordTable"/>, <see cref="ConflictTable"/>, change logs) look it up here on their way
/// to and from the disk, so every write path (local write, pull, repair, salvage) seals without each being told.
/// A connection without one reads and writes values as they are.
/// </summary>
public static class RecordSealing
{
    private static readonly ConditionalWeakTable<DbConnection, PersonalDataCipher> Ciphers = [];

    public static void Attach(DbConnection connection, PersonalDataCipher? cipher)
    {
        if (cipher is not null)
        {
            Ciphers.AddOrUpdate(connection, cipher);
        }
    }

    public static PersonalDataCipher? Of(DbConnection connection) => Ciphers.TryGetValue(connection, out var cipher) ? cipher : null;

    public static StoredRecord Seal(DbConnection connection, StoredRecord record)
    {
        if (Of(connection) is not { } cipher)
        {
            return record;
        }

        // A procedure's schema may mark form keys personal: dossiers written after it seal them.
        FormMarks.Learn(cipher, record);
        return cipher.Seal(record);
    }

    public static StoredRecord Open(DbConnection connection, StoredRecord record) => Of(connection) is { } cipher ? cipher.Open(record) : record;

    public static ChangeEntry Seal(DbConnection connection, ChangeEntry entry) => Of(connection) is { } cipher ? cipher.Seal(entry) : entry;

    public static ChangeEntry Open(DbConnection connection, ChangeEntry entry) => Of(connection) is { } cipher ? cipher.Open(entry) : entry;

    /// <summary>A change entry as stored in a change log, personal values sealed.</summary>
    public static string EncodeEntry(DbConnection connection, ChangeEntry entry) => ChangeCodec.EncodeEntry(Seal(connection, entry));

    /// <summary>A stored change-log entry, personal values opened.</summary>
    public static ChangeEntry DecodeEntry(DbConnection connection, string stored) => Open(connection, ChangeCodec.DecodeEntry(stored));

    /// <summary>
    /// A record's live values document as stored: from <paramref name="stored"/> (sealed), plus with a cipher the blind
    /// index of each ID number of <paramref name="plain"/> beside it (see <see cref="PersonalDataCipher.IdNumberIndexes"/>).
    /// </summary>
    public static string EncodeValues(DbConnection connection, StoredRecord plain, StoredRecord stored)
    {
        var values = ChangeCodec.EncodeValues(stored);
        if (Of(connection) is not { } cipher || cipher.IdNumberIndexes(plain) is not { Count: > 0 } indexes)
        {
            return values;
        }

        var extra = string.Join(',', indexes.Select(pair => JsonSerializer.Serialize(pair.Key) + ":" + JsonSerializer.Serialize(pair.Value)));
        return values == "{}" ? "{" + extra + "}" : values[..^1] + "," + extra + "}";
    }

    /// <summary>A record's stored live values document with its personal values opened.</summary>
    public static string OpenValues(DbConnection connection, Guid id, string valuesJson) =>
        Of(connection) is { } cipher ? cipher.OpenValues(id, valuesJson) : valuesJson;
}
