using Microsoft.Extensions.Options;
using OneStop.Core.Clock;
using OneStop.Core.Dossiers;
using OneStop.Edge.Attachments;
using OneStop.Edge.Catalogue;
using OneStop.Edge.Clock;
using OneStop.Edge.Devices;
using OneStop.Edge.Dossiers;
using OneStop.Edge.Store;
using OneStop.Edge.Sync;

namespace OneStop.Edge.Api;

/// <summary>The node's HTTP API: what the UI, tests and a local admin script use.</summary>
public static class EdgeApi
{
    public static IEndpointRouteBuilder MapEdgeApi(this IEndpointRouteBuilder app)
    {
        // The status carries no personal data: the sync bar and monitoring read it without signing in.
        app.MapGet("/api/status", StatusAsync);
        var api = app.MapGroup("/api").AddEndpointFilter<ApiAccessFilter>().AddEndpointFilter<Audit.ApiAuditFilter>();
        api.MapPost("/sync", (SyncAgent agent) =>
        {
            agent.RequestSync();
            return Results.Accepted();
        });
        api.MapPost("/sync/repair", RequestRepairAsync);
        api.MapGet("/procedures", async (CatalogueService catalogue, CancellationToken ct) => Results.Ok(await catalogue.ListAsync(ct)));
        api.MapGet("/procedures/{code}", async (string code, CatalogueService catalogue, CancellationToken ct) =>
            await catalogue.FindAsync(code, ct) is { } procedure ? Results.Ok(procedure) : Results.NotFound());
        api.MapGet("/dossiers", ListDossiersAsync);
        api.MapGet("/dossiers/{id:guid}", async (Guid id, DossierService dossiers, CancellationToken ct) =>
            await dossiers.GetAsync(id, ct) is { } dossier ? Results.Ok(dossier) : Results.NotFound());
        api.MapPost("/dossiers", CreateDossierAsync);
        api.MapPatch("/dossiers/{id:guid}", UpdateDossierAsync);
        api.MapPost("/dossiers/{id:guid}/status", ChangeStatusAsync);
        api.MapPost("/dossiers/{id:guid}/attachments", AddAttachmentAsync);
        api.MapGet("/dossiers/{id:guid}/attachments", async (Guid id, AttachmentService attachments, CancellationToken ct) =>
            Results.Ok(await attachments.ListForDossierAsync(id, ct)));
        api.MapGet("/attachments/{id:guid}/content", async (Guid id, AttachmentService attachments, HttpContext http, CancellationToken ct) =>
        {
            // A browser must take the stored type as given, never sniff a scan into a page that runs script.
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return await attachments.ReadAsync(id, ct) is { } found
                ? Results.File(found.Content, found.View.ContentType, found.View.FileName)
                : Results.NotFound();
        });
        api.MapSimulatorApi();
        api.MapDossierSearchApi();
        Audit.EdgeAuditApi.MapAuditApi(api);
        Attachments.Scans.ScanOriginalsApi.MapScanOriginalsApi(api);
        api.MapGet("/conflicts", async (EdgeStore store, CancellationToken ct) =>
            Results.Ok((await store.ListConflictsAsync(ct)).Select(c => c.ToView())));
        api.MapPost("/conflicts/{id:guid}/resolve", ResolveConflictAsync);
        return app;
    }

    /// <summary>Compares the commune's records with the hub's after the next round, whatever the schedule says.</summary>
    private static async Task<IResult> RequestRepairAsync(EdgeStore store, SyncAgent agent, CancellationToken ct)
    {
        await store.RequestRepairAsync(ct);
        agent.RequestSync();
        return Results.Accepted();
    }

    private static async Task<IResult> StatusAsync(EdgeStore store, BlobStore blobs, SyncQuarantine quarantine, DeviceHealthBoard devices, SyncStatus status, IOptions<EdgeOptions> options, IOptions<SyncOptions> syncOptions, ClockWatch clockWatch, AttachmentFetchQueue fetches, CancellationToken ct)
    {
        var snapshot = status.Current;
        var fetching = await fetches.ReadStateAsync(ct);
        var clock = clockWatch.Assess();
        return Results.Ok(new
        {
            nodeId = options.Value.NodeId,
            communeCode = options.Value.CommuneCode,
            link = snapshot.Link.ToString().ToLowerInvariant(),
            backlog = await store.CountBacklogAsync(ct),
            quarantined = await quarantine.CountAsync(ct),
            blobsPending = (await blobs.ListPendingAsync(ct)).Count,
            pushAcked = await store.ReadCursorAsync(MetaKeys.PushAcked, ct),
            pullCursor = await store.ReadCursorAsync(MetaKeys.PullCursor, ct),
            incarnation = store.Incarnation,
            incarnationNote = store.Note,
            snapshot.LastSuccess,
            snapshot.LastError,
            snapshot.ClockOffsetMs,
            clockSuspect = clock.Suspect || (snapshot.ClockOffsetMs is { } offset && ClockPolicy.IsClockSuspect(offset, syncOptions.Value.ClockSuspectBoundMs)),
            clock = ClockView(clock),
            snapshot.Pushed,
            snapshot.Pulled,
            snapshot.Rounds,
            snapshot.BlobsUploaded,
            snapshot.BlobsFetched,
            snapshot.BlobBytesFetched,
            blobsToFetch = fetching.Waiting,
            fetchError = fetching.LastError ?? snapshot.LastFetchError,
            resync = await store.ReadRepairStateAsync(ct),
            devices = devices.Current,
        });
    }

    /// <summary>
    /// One page of dossiers, newest first. The body stays a plain array; <c>X-Total-Count</c> says how many there
    /// are and <c>Link: &lt;…?before=id&gt;; rel="next"</c> where the next page starts, so a cut list is never silent.
    /// </summary>
    private static async Task<IResult> ListDossiersAsync(Guid? before, int? limit, RecordPages pages, HttpContext http, CancellationToken ct)
    {
        var page = await pages.ReadAsync(Core.Changes.RecordTypes.Dossier, before, limit ?? RecordPages.DefaultLimit, ct);
        http.Response.Headers["X-Total-Count"] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (page.Next is { } next)
        {
            http.Response.Headers.Link = $"</api/dossiers?before={next}&limit={page.Items.Count}>; rel=\"next\"";
        }

        return Results.Ok(page.Items.Select(DossierView.From));
    }

    private static async Task<IResult> CreateDossierAsync(DossierDraft draft, DossierService dossiers, HttpContext http, CancellationToken ct)
    {
        try
        {
            var dossier = await dossiers.CreateAsync(draft, By(http), ct);
            return Results.Created($"/api/dossiers/{dossier.Id}", dossier);
        }
        catch (IntakeException ex)
        {
            return Invalid(ex);
        }
    }

    /// <summary>The request body is the file itself; its name comes in the X-File-Name header (URL-encoded).</summary>
    private static async Task<IResult> AddAttachmentAsync(Guid id, HttpRequest request, AttachmentService attachments, IOptions<EdgeOptions> options, CancellationToken ct)
    {
        var limit = options.Value.MaxAttachmentBytes;
        if (request.ContentLength > limit)
        {
            return Invalid(AttachmentService.TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var name = Uri.UnescapeDataString(request.Headers["X-File-Name"].ToString() is { Length: > 0 } header ? header : "tep-dinh-kem");
        try
        {
            var view = await attachments.AddAsync(id, name, request.ContentType ?? "application/octet-stream", buffer.ToArray(), ct);
            return Results.Created($"/api/attachments/{view.Id}/content", view);
        }
        catch (IntakeException ex)
        {
            return Invalid(ex);
        }
    }

    private static async Task<IResult> UpdateDossierAsync(Guid id, DossierEdit edit, DossierService dossiers, CancellationToken ct)
    {
        try
        {
            return Results.Ok(await dossiers.UpdateAsync(id, edit, ct));
        }
        catch (KeyNotFoundException)
        {
            return Results.NotFound();
        }
        catch (IntakeException ex)
        {
            return Invalid(ex);
        }
    }

    private static async Task<IResult> ChangeStatusAsync(Guid id, StatusChange change, DossierService dossiers, HttpContext http, CancellationToken ct)
    {
        if (!DossierStatusNames.TryParse(change.Status, out var to))
        {
            return Results.BadRequest(new { field = "status", error = $"Trạng thái '{change.Status}' không hợp lệ.", errorEn = $"Unknown status '{change.Status}'." });
        }

        try
        {
            return Results.Ok(await dossiers.ChangeStatusAsync(id, to, By(http), change.Reason, change.ConfirmedDate, ct));
        }
        catch (KeyNotFoundException)
        {
            return Results.NotFound();
        }
        catch (IntakeException ex)
        {
            return Invalid(ex);
        }
        catch (TransitionException ex)
        {
            return Results.Conflict(new { field = "status", error = $"Không thể chuyển hồ sơ từ '{ex.From.ToName()}' sang '{ex.To.ToName()}'.", errorEn = ex.Message });
        }
    }

    /// <summary>Staff settle a conflict with a value: a new write that saw both sides, so it supersedes both.</summary>
    private static async Task<IResult> ResolveConflictAsync(Guid id, ConflictResolution resolution, EdgeStore store, CancellationToken ct)
    {
        try
        {
            return await store.ResolveConflictAsync(id, resolution.Value.GetRawText(), ct) is null
                ? Results.NotFound(new { error = "Không còn xung đột này (có thể đã được xử lý).", errorEn = $"No open conflict {id}: it may be resolved already." })
                : Results.Ok(new { resolved = id });
        }
        catch (Core.Merge.ResolutionRefusedException ex)
        {
            return Results.BadRequest(new { field = "value", error = ex.MessageVi, errorEn = ex.Message });
        }
    }

    /// <summary>The clock's judgement: whether legal dates need a confirmed date, the best estimate to offer, where legal time comes from.</summary>
    private static object ClockView(ClockAssessment clock) => new
    {
        suspect = clock.Suspect,
        reason = ClockWords.Reason(clock.Reason),
        source = ClockWords.Source(clock.Source),
        confirmationRequired = clock.ConfirmationRequired,
        wallErrorMs = clock.WallErrorMs,
        bestEstimate = DateTimeOffset.FromUnixTimeMilliseconds(clock.BestEstimateMs),
    };

    /// <summary>Who writes: the signed-in person, or "api" for a script with the node's key (the timeline says so).</summary>
    private static string By(HttpContext http) => Audit.ApiAuditFilter.Caller(http);

    /// <summary>Input staff must correct: which field, in Vietnamese and in English.</summary>
    private static IResult Invalid(IntakeException ex) =>
        Results.BadRequest(new
        {
            field = ex.Field,
            error = ex.MessageVi,
            errorEn = ex.Message,
            errors = ex.Errors.Select(e => new { field = e.FieldKey, code = e.Code, error = e.MessageVi, errorEn = e.MessageEn }),
        });

    public sealed record StatusChange(string Status, string? Reason = null)
    {
        /// <summary>Today's date as a person confirmed it; required to receive or return a result while the clock is suspect.</summary>
        public DateOnly? ConfirmedDate { get; init; }
    }

    public sealed record ConflictResolution(System.Text.Json.JsonElement Value);
}
