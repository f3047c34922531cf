using System.Data.Common;

namespace OneStop.Storage;

/// <summary>
/// Indexes over the dossiers' JSON values that the public site and the node look dossiers up by: the public code on
/// the slip (<c>public_code</c>) and the online filer's CCCD number with the creation time (<c>online_filer_cccd</c>,
/// <c>created_at</c>), for the daily limit. Expression indexes on the records table rather than side tables: they
/// follow every write path (push, pull, the hub's own writes, repair) with nothing to keep in step.
/// </summary>
public static class DossierLookupIndexes
{
    /// <summary>The public code index, SQLite (node and embedded hub).</summary>
    public const string SqlitePublicCode = """
        CREATE INDEX IF NOT EXISTS records_public_code ON records(json_extract(data, '$.public_code')) WHERE type = 'dossier';
        """;

    /// <summary>Both indexes, SQLite (the embedded hub), and the online filer's blind index for a hub that seals.</summary>
    public const string Sqlite = SqlitePublicCode + """
        CREATE INDEX IF NOT EXISTS records_online_filer ON records(json_extract(data, '$.online_filer_cccd'), json_extract(data, '$.created_at')) WHERE type = 'dossier';
        CREATE INDEX IF NOT EXISTS records_online_filer_bi ON records(json_extract(data, '$."online_filer_cccd#bi"'), json_extract(data, '$.created_at')) WHERE type = 'dossier';
        """;

    /// <summary>Both indexes, PostgreSQL (records.data is text there, read as jsonb).</summary>
    public const string Postgres = """
        CREATE INDEX records_public_code ON records((data::jsonb ->> 'public_code')) WHERE type = 'dossier';
        CREATE INDEX records_online_filer ON records((data::jsonb ->> 'online_filer_cccd'), (data::jsonb ->> 'created_at')) WHERE type = 'dossier';
        """;

    /// <summary>
    /// The online filer's blind index, PostgreSQL (a later migration): with the CCCD number sealed, the daily limit counts
    /// by it (<see cref="OneStop.Core.Privacy.PersonalDataCipher.IdNumberIndex"/>).
    /// </summary>
    public const string PostgresOnlineFilerIndex = """
        CREATE INDEX records_online_filer_bi ON records((data::jsonb ->> 'online_filer_cccd#bi'), (data::jsonb ->> 'created_at')) WHERE type = 'dossier';
        """;

    private const string OnlineFilerIndexField = OneStop.Core.Privacy.PersonalFields.OnlineFilerCccd + OneStop.Core.Privacy.PersonalDataCipher.BlindIndexSuffix;

    /// <summary>The expression that reads a dossier value, matching the indexes above, for a query on either engine.</summary>
    public static string Value(bool postgres, string field) =>
        postgres ? $"(data::jsonb ->> '{field}')" : field.Contains('#', StringComparison.Ordinal) ? $"json_extract(data, '$.\"{field}\"')" : $"json_extract(data, '$.{field}')";

    /// <summary>The lookup by public code (@code, @max), written to match <c>records_public_code</c>.</summary>
    public static string PublicCodeQuery(bool postgres) =>
        $"SELECT id FROM records WHERE type = 'dossier' AND {Value(postgres, "public_code")} = @code ORDER BY id LIMIT @max";

    /// <summary>The count of a CCCD number's online filings (@cccd, @from, @to), written to match <c>records_online_filer</c>.</summary>
    public static string OnlineFilingsQuery(bool postgres) =>
        $"SELECT COUNT(*) FROM records WHERE type = 'dossier' AND {Value(postgres, "online_filer_cccd")} = @cccd AND {Value(postgres, "created_at")} >= @from AND {Value(postgres, "created_at")} < @to";

    /// <summary>
    /// The same count where numbers are sealed: by the blind index (@index), or by the number itself for a dossier
    /// written before the store sealed (each side of the OR has its index).
    /// </summary>
    public static string SealedOnlineFilingsQuery(bool postgres) =>
        $"SELECT COUNT(*) FROM records WHERE type = 'dossier' AND ({Value(postgres, OnlineFilerIndexField)} = @index OR {Value(postgres, "online_filer_cccd")} = @cccd) AND {Value(postgres, "created_at")} >= @from AND {Value(postgres, "created_at")} < @to";

    /// <summary>Ids of the dossiers holding a public code (normalised, no dashes), at most <paramref name="max"/>, by the index.</summary>
    public static async Task<IReadOnlyList<Guid>> FindByPublicCodeAsync(DbConnection connection, bool postgres, string code, int max, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PublicCodeQuery(postgres);
        command.AddParameter("@code", code);
        command.AddParameter("@max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    /// <summary>
    /// Dossiers filed online under a CCCD number whose creation time (ISO 8601, UTC, as written) lies in [from, to), by the
    /// index: a person's handful of filings are read, never the hub's dossiers.
    /// </summary>
    public static async Task<long> CountOnlineFilingsAsync(DbConnection connection, bool postgres, string cccd, string fromUtc, string toUtc, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        var cipher = RecordSealing.Of(connection);
        command.CommandText = cipher is null ? OnlineFilingsQuery(postgres) : SealedOnlineFilingsQuery(postgres);
        command.AddParameter("@cccd", cccd);
        if (cipher is not null)
        {
            command.AddParameter("@index", cipher.IdNumberIndex(cccd));
        }

        command.AddParameter("@from", fromUtc);
        command.AddParameter("@to", toUtc);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
