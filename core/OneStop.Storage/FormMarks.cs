using System.Collections.Frozen;
using System.Data.Common;
using OneStop.Core.Changes;
using OneStop.Core.Privacy;

namespace OneStop.Storage;

/// <summary>
/// Feeds a store's cipher the form keys its catalogue's schemas mark personal (<see cref="MarkedFormKeys"/>): from
/// every procedure the store holds when it opens, and from each procedure record as it is written (a schema published
/// at the hub, or pulled by a node). The set only grows while the process runs: a mark dropped from a schema stops
/// sealing new values at the next start, and a value sealed under any mark keeps opening (its envelope says so).
/// </summary>
public static class FormMarks
{
    /// <summary>Learns the marks of every procedure the store holds; returns the cipher's marks after.</summary>
    public static async Task<IReadOnlySet<string>> LearnAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (RecordSealing.Of(connection) is not { } cipher)
        {
            return FrozenSet<string>.Empty;
        }

        foreach (var procedure in await RecordTable.ListAsync(connection, RecordTypes.Procedure, null, int.MaxValue, cancellationToken))
        {
            Learn(cipher, MarkedFormKeys.InProcedureValues(procedure.DataJson));
        }

        return cipher.MarkedFormKeys ?? FrozenSet<string>.Empty;
    }

    /// <summary>Learns the marks of a procedure record about to be stored (plaintext); other records are ignored.</summary>
    public static void Learn(PersonalDataCipher cipher, StoredRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Type == RecordTypes.Procedure)
        {
            Learn(cipher, MarkedFormKeys.InProcedureValues(ChangeCodec.EncodeValues(record)));
        }
    }

    public static void Learn(PersonalDataCipher cipher, IReadOnlySet<string> marks)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        ArgumentNullException.ThrowIfNull(marks);
        // Readers take the set without a lock: it is swapped whole, never changed in place.
        lock (cipher)
        {
            var known = cipher.MarkedFormKeys;
            if (marks.Count == 0 || (known is not null && marks.All(known.Contains)))
            {
                return;
            }

            cipher.MarkedFormKeys = (known ?? FrozenSet<string>.Empty).Union(marks).ToFrozenSet(StringComparer.Ordinal);
        }
    }
}
