using System.Globalization;
using Microsoft.Data.Sqlite;
using OneStop.Core.Calendar;
using OneStop.Core.Changes;
using OneStop.Core.Text;
using OneStop.Storage;

namespace OneStop.Edge.Store;

/// <summary>
/// The desk's dossier list as one SQLite query: filters, text search and a page, with the total of all pages.
/// The node holds years of dossiers on an SD card; reading them all into memory to show twenty would not last.
/// Vietnamese folding (<see cref="VietnameseFolding"/>) runs inside SQLite as a registered function, so
/// "nguyen van" finds "Nguyễn Văn" without a second copy of every name to keep in step with merges.
/// </summary>
public sealed class DossierSearch(SqliteDatabase database)
{
    /// <summary>Largest page: 200.</summary>
    public const int MaxLimit = 200;

    // At least this many digits before a number is taken for a CCCD: fewer match half the commune.
    private const int MinIdDigits = 4;

    // A CCCD number has 12 digits (Circular 59/2021/TT-BCA).
    private const int CccdDigits = 12;

    // At least this many hex digits before text is taken for the start of a dossier code (the slip prints 12).
    private const int MinCodeDigits = 6;

    // Any text: a resident's name without diacritics, the start of a number (opened in the query), a dossier code.
    private const string TextTerm = """
        ($name IS NULL
             OR onestop_fold(onestop_open(id, 'applicant_name', json_extract(data, '$.applicant_name'))) LIKE $name ESCAPE '\'
             OR EXISTS (SELECT 1 FROM json_each(records.data) f
                        WHERE f.key LIKE 'form.%full\_name' ESCAPE '\' AND onestop_fold(onestop_open(records.id, f.key, f.value)) LIKE $name ESCAPE '\')
             OR ($digits IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(records.data) f
                        WHERE f.key LIKE 'form.%id\_number' ESCAPE '\' AND onestop_open(records.id, f.key, f.value) LIKE $digits))
             OR ($code IS NOT NULL AND replace(id, '-', '') LIKE $code)
             OR ($publicCode IS NOT NULL AND json_extract(data, '$.public_code') = $publicCode))
        """;

    // A whole CCCD number: the dossiers holding it by its blind index, or whose public code or id starts so; each by an index.
    private const string CccdTextTerm = """
        records.id IN (
            SELECT record_id FROM dossier_id_index WHERE blind_index = $idIndex
            UNION SELECT id FROM records WHERE type = 'dossier' AND json_extract(data, '$.public_code') = $publicCode
            UNION SELECT id FROM records WHERE id >= $idFrom AND id < $idTo)
        """;

    public async Task<DossierSearchPage> SearchAsync(DossierSearchCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var limit = Math.Clamp(criteria.Limit, 1, MaxLimit);
        var offset = Math.Max(0, criteria.Offset);
        await using var connection = await database.OpenAsync(cancellationToken);
        RegisterFunctions(connection);
        await using var command = CreateCommand(connection, criteria, limit, offset);
        var items = new List<RecordData>();
        long total = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = Guid.Parse(reader.GetString(0));
                items.Add(new RecordData(id, RecordTypes.Dossier, reader.GetString(1), RecordSealing.OpenValues(connection, id, reader.GetString(2))));
                total = reader.GetInt64(3);
            }
        }

        // A page past the end has no rows to carry the total: count it on its own.
        if (items.Count == 0 && offset > 0)
        {
            var first = await SearchAsync(criteria with { Offset = 0, Limit = 1 }, cancellationToken);
            total = first.Total;
        }

        return new DossierSearchPage(items, total);
    }

    /// <summary>
    /// The plan SQLite makes for a search (EXPLAIN QUERY PLAN, one line per step): which indexes a lookup uses, e.g. that
    /// a whole CCCD number goes through <c>dossier_id_index</c> and reads no other dossier.
    /// </summary>
    public async Task<IReadOnlyList<string>> ExplainAsync(DossierSearchCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        await using var connection = await database.OpenAsync(cancellationToken);
        RegisterFunctions(connection);
        await using var command = CreateCommand(connection, criteria, MaxLimit, 0);
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var steps = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    private static SqliteCommand CreateCommand(SqliteConnection connection, DossierSearchCriteria criteria, int limit, int offset)
    {
        var text = criteria.Text?.Trim();
        var folded = VietnameseFolding.Fold(text);
        var digits = text is { Length: > 0 } && text.All(char.IsAsciiDigit) && text.Length >= MinIdDigits ? text : null;
        // A whole CCCD number is looked up by its keyed blind index through dossier_id_index: no row opened, no scan (see
        // CccdTextTerm). A shorter start of a number still opens each candidate's numbers inside the query.
        var idIndex = digits is { Length: CccdDigits } && RecordSealing.Of(connection) is { } cipher ? cipher.IdNumberIndex(digits) : null;
        // Type compared without its index when the ids come from the CCCD's: the planner then starts from those few ids.
        var typeTerm = idIndex is null ? "type = $type" : "+type = $type";
        var textTerm = idIndex is null ? TextTerm : CccdTextTerm;
        var code = text?.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        var isCode = code is { Length: >= MinCodeDigits and <= 32 } && code.All(char.IsAsciiHexDigit);
        var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT id, scope, data, COUNT(*) OVER () FROM records
            WHERE {typeTerm}
              AND ($status IS NULL OR json_extract(data, '$.status') = $status)
              AND ($procedure IS NULL OR json_extract(data, '$.procedure_code') = $procedure)
              AND ($from IS NULL OR onestop_local_date(COALESCE(json_extract(data, '$.received_at'), json_extract(data, '$.created_at'))) >= $from)
              AND ($to IS NULL OR onestop_local_date(COALESCE(json_extract(data, '$.received_at'), json_extract(data, '$.created_at'))) <= $to)
              AND ($openOnly = 0 OR json_extract(data, '$.status') IN ('received', 'processing', 'supplement_requested'))
              AND ($dueFrom IS NULL OR json_extract(data, '$.due_date') >= $dueFrom)
              AND ($dueTo IS NULL OR json_extract(data, '$.due_date') <= $dueTo)
              AND ($draftsOf IS NULL OR (json_extract(data, '$.status') = 'draft' AND lower(json_extract(data, '$.created_by')) = $draftsOf))
              AND {textTerm}
            ORDER BY COALESCE(json_extract(data, '$.due_date'), '9999-12-31'), json_extract(data, '$.created_at') DESC, id DESC
            LIMIT $limit OFFSET $offset
            """;
        command.Parameters.AddWithValue("$type", RecordTypes.Dossier);
        command.Parameters.AddWithValue("$status", Db(criteria.Status));
        command.Parameters.AddWithValue("$procedure", Db(criteria.ProcedureCode));
        command.Parameters.AddWithValue("$from", Db(criteria.From));
        command.Parameters.AddWithValue("$to", Db(criteria.To));
        command.Parameters.AddWithValue("$openOnly", criteria.OpenOnly ? 1 : 0);
        command.Parameters.AddWithValue("$dueFrom", Db(criteria.DueFrom));
        command.Parameters.AddWithValue("$dueTo", Db(criteria.DueTo));
        command.Parameters.AddWithValue("$draftsOf", criteria.DraftsOf is { Length: > 0 } by ? by.ToLowerInvariant() : DBNull.Value);
        command.Parameters.AddWithValue("$name", folded.Length == 0 ? DBNull.Value : "%" + EscapeLike(folded) + "%");
        command.Parameters.AddWithValue("$digits", digits is null || idIndex is not null ? DBNull.Value : digits + "%");
        command.Parameters.AddWithValue("$idIndex", (object?)idIndex ?? DBNull.Value);
        command.Parameters.AddWithValue("$code", isCode ? code + "%" : DBNull.Value);
        // The same 12 digits as the start of a dossier's id (xxxxxxxx-xxxx...), a range on the primary key.
        var idFrom = digits is { Length: CccdDigits } ? $"{digits[..8]}-{digits[8..]}" : null;
        command.Parameters.AddWithValue("$idFrom", (object?)idFrom ?? DBNull.Value);
        command.Parameters.AddWithValue("$idTo", idFrom is null ? DBNull.Value : idFrom + "~");
        command.Parameters.AddWithValue("$publicCode", OneStop.Core.Dossiers.PublicCode.TryNormalise(text, out var publicCode) ? publicCode : DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        return command;
    }

    private static void RegisterFunctions(SqliteConnection connection)
    {
        connection.CreateFunction("onestop_fold", (string? text) => VietnameseFolding.Fold(text), isDeterministic: true);
        // Names and ID numbers are sealed at rest: each candidate's value is opened inside the query, so substring and
        // diacritic-free matching keep working with no plaintext copy on the disk (see docs/security.md).
        var cipher = RecordSealing.Of(connection);
        connection.CreateFunction("onestop_open", (string id, string field, string? value) =>
            cipher is null ? value : cipher.OpenText(Guid.Parse(id), field, value), isDeterministic: true);
        // Stored moments are UTC; the desk filters by the day in Vietnam, when the resident stood at the counter.
        connection.CreateFunction("onestop_local_date", (string? moment) =>
            DateTimeOffset.TryParse(moment, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? at.ToOffset(AppointmentCalculator.VietnamOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null, isDeterministic: true);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static object Db(string? value) => string.IsNullOrEmpty(value) ? DBNull.Value : value;

    private static object Db(DateOnly? value) => value is { } date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
}

/// <param name="Text">A resident's name (any diacritics), a CCCD number or the start of a dossier code.</param>
/// <param name="Status">Status name (received, processing, ...).</param>
/// <param name="ProcedureCode">Catalogue code.</param>
/// <param name="From">First day (Vietnam time) the dossier was received, or created for a draft.</param>
/// <param name="To">Last such day, inclusive.</param>
/// <param name="Offset">Rows to skip.</param>
/// <param name="Limit">Rows in the page.</param>
public sealed record DossierSearchCriteria(string? Text, string? Status, string? ProcedureCode, DateOnly? From, DateOnly? To, int Offset, int Limit)
{
    /// <summary>Only dossiers still being worked on (received, processing, supplement requested).</summary>
    public bool OpenOnly { get; init; }

    public DateOnly? DueFrom { get; init; }

    public DateOnly? DueTo { get; init; }

    /// <summary>Only drafts this user made (a volunteer's list: <c>VolunteerView.MaySee</c> as a query).</summary>
    public string? DraftsOf { get; init; }
}

/// <param name="Items">This page, soonest due first, then newest.</param>
/// <param name="Total">Dossiers matching the criteria in all pages.</param>
public sealed record DossierSearchPage(IReadOnlyList<RecordData> Items, long Total);
