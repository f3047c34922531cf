using System.Security.Claims;
using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Core.Dossiers;
using OneStop.Core.Text;
using OneStop.Hub.Store;
using OneStop.HubConsole.Ports;
using OneStop.Storage;

namespace OneStop.Hub.AdminConsole;

/// <summary>
/// Read-only dossier lookup over the hub's copy of every commune's dossiers. Both roles may look; each search (with
/// its query) and each opened dossier lands in the audit before the data is returned.
/// </summary>
public sealed class ConsoleDossierLookup(HubStore store, ConsoleAuditLog audit) : IConsoleDossierLookup
{
    private const int MaxHits = 50;

    public async Task<IReadOnlyList<DossierHit>> SearchAsync(ClaimsPrincipal actor, string query, CancellationToken cancellationToken)
    {
        var q = query.Trim();
        if (q.Length < 2)
        {
            return [];
        }

        await audit.AppendAsync(ConsoleWrites.Actor(actor), "lookup.search", q, null, cancellationToken);
        var records = await store.ListAsync(RecordTypes.Dossier, null, int.MaxValue, cancellationToken);
        return [.. records.Select(r => (Record: r, Data: Parse(r.DataJson))).Where(x => Matches(q, x.Record, x.Data)).Take(MaxHits).Select(x => Hit(x.Record, x.Data))];
    }

    public async Task<DossierRead?> ReadAsync(ClaimsPrincipal actor, Guid id, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(id, cancellationToken);
        if (record is null || record.Type != RecordTypes.Dossier)
        {
            return null;
        }

        var data = RecordData.Of(record);
        await audit.AppendAsync(ConsoleWrites.Actor(actor), "lookup.view", $"{data.Scope}/{Code(id)}", null, cancellationToken);
        var fields = Parse(data.DataJson);
        return new DossierRead(Hit(data, fields), [.. fields.Where(f => f.Key.StartsWith(DossierFields.FormPrefix, StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal)]);
    }

    /// <summary>The code printed on the slip: the id's first 12 hex digits.</summary>
    public static string Code(Guid id) => id.ToString("N")[..12].ToUpperInvariant();

    private static bool Matches(string query, RecordData record, Dictionary<string, string> data)
    {
        if (Code(record.Id).StartsWith(query.ToUpperInvariant(), StringComparison.Ordinal))
        {
            return true;
        }

        if (query.Length == 12 && query.All(char.IsAsciiDigit))
        {
            return data.Any(f => f.Key.EndsWith("id_number", StringComparison.Ordinal) && f.Value == query);
        }

        return SearchMatcher.Matches(query, data.GetValueOrDefault(DossierFields.ApplicantName));
    }

    private static DossierHit Hit(RecordData record, Dictionary<string, string> data) => new(
        record.Id,
        Code(record.Id),
        record.Scope,
        data.GetValueOrDefault(DossierFields.ProcedureCode) ?? string.Empty,
        data.GetValueOrDefault(DossierFields.ApplicantName) ?? string.Empty,
        data.GetValueOrDefault(DossierFields.Status) ?? string.Empty,
        data.GetValueOrDefault(DossierFields.ReceivedAt));

    // Text values as written; other JSON (addresses) as its raw text.
    private static Dictionary<string, string> Parse(string dataJson)
    {
        using var document = JsonDocument.Parse(dataJson);
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(),
            StringComparer.Ordinal);
    }
}
