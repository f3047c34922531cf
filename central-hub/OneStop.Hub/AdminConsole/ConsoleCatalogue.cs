using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using OneStop.Core.Catalogue;
using OneStop.Core.Changes;
using OneStop.Core.Forms;
using OneStop.Hub.Api;
using OneStop.Hub.Store;
using OneStop.HubConsole;
using OneStop.HubConsole.Ports;
using OneStop.Storage;

namespace OneStop.Hub.AdminConsole;

/// <summary>
/// The catalogue page's door to procedure records. Each change is a hub write of the fields it touches (the same
/// records <c>PATCH /api/procedures</c> writes), pulled by every node; a fee change is a new dated entry in
/// fee_versions, never an edit of an amount in force, so dossiers already received keep their fee.
/// </summary>
public sealed partial class ConsoleCatalogue(HubStore store, ConsoleAuditLog audit, TimeProvider time, IOptions<HubOptions> options) : IConsoleCatalogue
{
    private const string Forbidden = "catalogue.error.forbidden";

    private readonly Lazy<SharedOptionLists> _optionLists = new(() =>
        File.Exists(options.Value.CatalogueFile) ? SharedOptionLists.ParseCatalogue(File.ReadAllText(options.Value.CatalogueFile)) : SharedOptionLists.Empty);

    public SharedOptionLists OptionLists => _optionLists.Value;

    public async Task<IReadOnlyList<Procedure>> ListAsync(CancellationToken cancellationToken)
    {
        var records = await store.ListAsync(RecordTypes.Procedure, null, 100_000, cancellationToken);
        return [.. records.Select(r => Parse(r.DataJson)).OrderBy(p => p.Code, StringComparer.Ordinal)];
    }

    public async Task<ConsoleResult> SaveAsync(ClaimsPrincipal actor, ProcedureDraft draft, bool isNew, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (ConsoleWrites.RefuseUnlessAdmin(actor, Forbidden) is { } refused)
        {
            return refused;
        }

        if (!CodePattern().IsMatch(draft.Code))
        {
            return ConsoleResult.Refused("catalogue.error.code");
        }

        if (string.IsNullOrWhiteSpace(draft.NameVi))
        {
            return ConsoleResult.Refused("catalogue.error.name");
        }

        if (draft.WorkingDays is < 0 or > 365)
        {
            return ConsoleResult.Refused("catalogue.error.days");
        }

        var id = CatalogueRecords.RecordId(draft.Code);
        var existing = await store.GetAsync(id, cancellationToken);
        if (isNew == (existing is not null))
        {
            return ConsoleResult.Refused(isNew ? "catalogue.error.exists" : "catalogue.error.missing");
        }

        // Edits keep the rest of processing_time (extensions, calendar-day phases) that this form does not show.
        var processing = existing is null ? [] : JsonNode.Parse(ConsoleWrites.RawField(RecordData.Of(existing).DataJson, CatalogueKeys.ProcessingTime) ?? "{}") as JsonObject ?? [];
        processing["working_days"] = draft.WorkingDays;
        processing["same_day"] = draft.SameDay || draft.WorkingDays == 0;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [CatalogueKeys.NameVi] = JsonSerializer.Serialize(draft.NameVi),
            [CatalogueKeys.NameEn] = JsonSerializer.Serialize(draft.NameEn),
            [CatalogueKeys.FieldVi] = JsonSerializer.Serialize(draft.FieldVi),
            [CatalogueKeys.FieldEn] = JsonSerializer.Serialize(draft.FieldEn),
            [CatalogueKeys.ProcessingTime] = processing.ToJsonString(),
        };
        if (isNew)
        {
            values[CatalogueKeys.Code] = JsonSerializer.Serialize(draft.Code);
            values[CatalogueKeys.Fees] = "[]";
            values[CatalogueKeys.Form] = "[]";
        }

        await store.WriteAsHubAsync(id, RecordTypes.Procedure, Scopes.Global, values, cancellationToken);
        await audit.AppendAsync(ConsoleWrites.Actor(actor), isNew ? "catalogue.create" : "catalogue.edit", draft.Code,
            $"{draft.NameVi}; {draft.WorkingDays}", cancellationToken);
        return ConsoleResult.Ok;
    }

    public async Task<ConsoleResult> RetireAsync(ClaimsPrincipal actor, string code, DateOnly from, CancellationToken cancellationToken)
    {
        if (ConsoleWrites.RefuseUnlessAdmin(actor, Forbidden) is { } refused)
        {
            return refused;
        }

        if (await store.GetAsync(CatalogueRecords.RecordId(code), cancellationToken) is null)
        {
            return ConsoleResult.Refused("catalogue.error.missing");
        }

        if (from < ConsoleToday.Of(time))
        {
            return ConsoleResult.Refused("catalogue.error.past");
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal) { [CatalogueKeys.RetiredFrom] = JsonSerializer.Serialize(Iso(from)) };
        await store.WriteAsHubAsync(CatalogueRecords.RecordId(code), RecordTypes.Procedure, Scopes.Global, values, cancellationToken);
        await audit.AppendAsync(ConsoleWrites.Actor(actor), "catalogue.retire", code, Iso(from), cancellationToken);
        return ConsoleResult.Ok;
    }

    public async Task<ConsoleResult> PublishFeesAsync(ClaimsPrincipal actor, string code, DateOnly effectiveFrom, IReadOnlyDictionary<string, long> amounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        if (ConsoleWrites.RefuseUnlessAdmin(actor, Forbidden) is { } refused)
        {
            return refused;
        }

        var id = CatalogueRecords.RecordId(code);
        if (await store.GetAsync(id, cancellationToken) is not { } record)
        {
            return ConsoleResult.Refused("catalogue.error.missing");
        }

        // Today is allowed (a resolution in force from this morning); a date already past would re-price dossiers
        // that were received and told their fee.
        if (effectiveFrom < ConsoleToday.Of(time))
        {
            return ConsoleResult.Refused("catalogue.error.past");
        }

        if (amounts.Values.Any(a => a < 0))
        {
            return ConsoleResult.Refused("catalogue.error.amount");
        }

        var data = RecordData.Of(record).DataJson;
        var inForce = Parse(data).FeesOn(effectiveFrom);
        if (amounts.Keys.Any(k => inForce.All(f => f.Key != k)))
        {
            return ConsoleResult.Refused("catalogue.error.nofee");
        }

        var versions = FeeTablePublication.AddVersion(
            ConsoleWrites.RawField(data, CatalogueKeys.Fees), ConsoleWrites.RawField(data, CatalogueKeys.FeeVersions), effectiveFrom, amounts);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal) { [CatalogueKeys.FeeVersions] = versions };
        await store.WriteAsHubAsync(id, RecordTypes.Procedure, Scopes.Global, values, cancellationToken);
        var detail = Iso(effectiveFrom) + ": " + string.Join(", ", amounts.Select(a => $"{a.Key}={a.Value.ToString(CultureInfo.InvariantCulture)}"));
        await audit.AppendAsync(ConsoleWrites.Actor(actor), "catalogue.fees", code, detail, cancellationToken);
        return ConsoleResult.Ok;
    }

    public async Task<ConsoleResult> PublishFormAsync(ClaimsPrincipal actor, string code, string formJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(formJson);
        if (ConsoleWrites.RefuseUnlessAdmin(actor, Forbidden) is { } refused)
        {
            return refused;
        }

        // The page checked already; the port checks again because it is the door, and the nodes' parser is the judge.
        var check = FormSchemaCheck.Check(formJson, OptionLists);
        if (!check.Succeeded)
        {
            return ConsoleResult.Refused("formschema.error." + check.ErrorCode);
        }

        if (await store.GetAsync(CatalogueRecords.RecordId(code), cancellationToken) is not { } record)
        {
            return ConsoleResult.Refused("catalogue.error.missing");
        }

        var before = Parse(RecordData.Of(record).DataJson).FormVersion;
        var version = await FormSchemaPublishing.PublishAsync(store, code, formJson, cancellationToken);
        if (version is null)
        {
            return ConsoleResult.Refused("catalogue.error.missing");
        }

        if (version == before)
        {
            return ConsoleResult.Refused("formschema.error.same");
        }

        await audit.AppendAsync(ConsoleWrites.Actor(actor), "catalogue.form", code,
            "v" + version.Value.ToString(CultureInfo.InvariantCulture) + ": " + string.Join(", ", check.Schema!.Fields.Select(f => f.Key)), cancellationToken);
        return ConsoleResult.Ok;
    }

    private static Procedure Parse(string dataJson)
    {
        using var document = JsonDocument.Parse(dataJson);
        return ProcedureCatalogueParser.ParseOne(document.RootElement);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9][a-z0-9._]{1,59}$")]
    private static partial Regex CodePattern();
}
