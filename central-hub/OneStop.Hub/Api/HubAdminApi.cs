using System.Text.Json;
using OneStop.Core.Catalogue;
using OneStop.Core.Changes;
using OneStop.Hub.Admin;
using OneStop.Hub.Store;
using OneStop.Storage;

namespace OneStop.Hub.Api;

/// <summary>The admin HTTP API: fleet, dossiers received, and catalogue changes pushed to every node.</summary>
public static class HubAdminApi
{
    /// <summary>Maps the admin API on the admin listener only, behind the admin key.</summary>
    public static WebApplication MapHubAdminApi(this WebApplication app)
    {
        app.Services.GetRequiredService<AdminApiKey>().EnsureReady();
        app.UseListenerSeparation();
        // Health carries no data and a load balancer has no key; it still answers on the admin listener only.
        app.MapGet("/api/healthz", () => Results.Ok(new { status = "ok" })).WithMetadata(AdminListener.Marker.Instance);
        var api = app.MapGroup("/api").WithMetadata(AdminListener.Marker.Instance).AddEndpointFilter<AdminAccessFilter>();
        api.MapGet("/nodes", ListNodesAsync);
        api.MapGet("/quarantine", async (IHubDatabase database, CancellationToken ct) => Results.Ok(await QuarantineTable.ListAsync(database, ct)));
        api.MapGet("/stats", async (HubStore store, CancellationToken ct) => Results.Ok(new
        {
            dossiers = await store.CountAsync(RecordTypes.Dossier, ct),
            procedures = await store.CountAsync(RecordTypes.Procedure, ct),
            logHead = await store.ReadLogHeadAsync(ct),
        }));
        api.MapGet("/records/{type}", async (string type, string? scope, HubStore store, CancellationToken ct) =>
            Results.Ok((await store.ListAsync(type, scope, 10_000, ct)).Select(r => new
            {
                r.Id,
                r.Scope,
                data = JsonDocument.Parse(r.DataJson).RootElement,
            })));
        api.MapPatch("/procedures/{code}", PatchProcedureAsync);
        api.MapFormSchemaPublishing();
        api.MapAccountAdminApi();
        api.MapReportsApi();
        api.MapGet("/attachments/{sha256}", async (string sha256, AttachmentStore attachments, CancellationToken ct) =>
            Results.Ok(await attachments.QueryAsync(sha256, ct)));
        api.MapGet("/conflicts", async (string? scope, HubStore store, CancellationToken ct) =>
            Results.Ok((await store.ListConflictsAsync(scope, ct)).Select(c => c.ToView())));
        api.MapPost("/conflicts/{id:guid}/resolve", ResolveConflictAsync);
        return app;
    }

    /// <summary>The fleet view: each node's state and the entries it had to quarantine (too large to send).</summary>
    private static async Task<IResult> ListNodesAsync(HubStore store, IHubDatabase database, CancellationToken ct)
    {
        var quarantined = (await QuarantineTable.ListAsync(database, ct)).ToLookup(q => q.NodeId);
        return Results.Ok((await store.ListNodeStatesAsync(ct)).Select(n => new
        {
            n.NodeId,
            n.AckedSeq,
            n.LastSeenMs,
            n.ClockOffsetMs,
            clockSuspect = Nodes.NodeClock.IsSuspect(n.ClockOffsetMs, n.Devices),
            n.ReportedBacklog,
            n.SoftwareVersion,
            n.Devices,
            n.LastError,
            n.Incarnations,
            n.Resync,
            quarantined = quarantined[n.NodeId].Select(q => new { q.OriginSeq, q.RecordId, q.RecordType }),
        }));
    }

    /// <summary>An admin settles a conflict with a value (either side's or a new one); nodes pull the resolution.</summary>
    private static async Task<IResult> ResolveConflictAsync(Guid id, ConflictResolution resolution, HubStore store, CancellationToken ct)
    {
        try
        {
            return await store.ResolveConflictAsync(id, resolution.Value.GetRawText(), ct) is null
                ? await ConflictResolveRefusal.ProblemAsync(id, store, ct)
                : Results.Ok(new { resolved = id });
        }
        catch (Core.Merge.ResolutionRefusedException ex)
        {
            return Results.BadRequest(new { field = "value", error = ex.MessageVi, errorEn = ex.Message });
        }
    }

    public sealed record ConflictResolution(JsonElement Value);

    /// <summary>
    /// Changes top-level keys of a procedure (e.g. its fees or name). The body is a JSON object whose
    /// values replace the fields; each becomes a logged reference change that every node pulls.
    /// </summary>
    private static async Task<IResult> PatchProcedureAsync(string code, JsonElement body, HubStore store, CancellationToken ct)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.EnumerateObject().Any())
        {
            return Results.BadRequest(new { error = "Body must be a non-empty JSON object of fields to change." });
        }

        if (body.TryGetProperty("code", out _))
        {
            return Results.BadRequest(new { error = "A procedure's code cannot change; create another procedure instead." });
        }

        if (body.TryGetProperty(FormSchemaVersions.FormVersion, out _) || body.TryGetProperty(FormSchemaVersions.FormHistory, out _))
        {
            return Results.BadRequest(new { error = "Form versions are numbered by publishing: send the new schema as \"form\"." });
        }

        var id = CatalogueRecords.RecordId(code);
        if (await store.GetAsync(id, ct) is not { } existing)
        {
            return Results.NotFound(new { error = $"No procedure '{code}'." });
        }

        var values = body.EnumerateObject().ToDictionary(p => p.Name, p => (string?)p.Value.GetRawText(), StringComparer.Ordinal);
        if (body.TryGetProperty(CatalogueKeys.Form, out var form))
        {
            // Dossiers were filed under the schema in force: a new one is published as a new version, never written over it.
            if (FormSchemaPublishing.Refusal(form) is { } refusal)
            {
                return refusal;
            }

            values.Remove(CatalogueKeys.Form);
            foreach (var (key, value) in FormSchemaPublishing.PublicationFields(RecordData.Of(existing).DataJson, form.GetRawText()) ?? [])
            {
                values[key] = value;
            }

            if (values.Count == 0)
            {
                return Results.Ok(new { existing.Id, fields = existing.Fields.Count });
            }
        }

        var record = await store.WriteAsHubAsync(id, RecordTypes.Procedure, Scopes.Global, values, ct);
        return Results.Ok(new { record.Id, fields = record.Fields.Count });
    }
}
