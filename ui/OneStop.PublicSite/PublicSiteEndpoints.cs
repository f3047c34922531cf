using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Core.Dossiers;
using OneStop.Core.Limits;
using OneStop.PublicSite.Pages;
using OneStop.PublicSite.Ports;
using OneStop.Ui.Components;

namespace OneStop.PublicSite;

/// <summary>
/// The residents' pages, each a server-rendered component behind a plain endpoint. Every form posts and then
/// redirects (Post/Redirect/Get) on success; a refused form is shown again with its answers and the reasons.
/// </summary>
public static class PublicSiteEndpoints
{
    /// <summary>How long the pass from a code + CCCD lookup opens the detail and the result: 30 minutes.</summary>
    public static readonly TimeSpan PassLifetime = TimeSpan.FromMinutes(30);

    private const string PassPurpose = "OneStop.PublicSite.DossierPass";

    public static RouteGroupBuilder MapPublicSite(this IEndpointRouteBuilder endpoints)
    {
        var site = endpoints.MapGroup(string.Empty);
        site.MapGet("/", (IPublicRecords records, string? message) =>
            Page<Home>(new() { [nameof(Home.Communes)] = records.Communes, [nameof(Home.Message)] = Known(message) }));

        site.MapGet("/status", (string? code) =>
            TryCode(code, out var id) ? Results.Redirect($"/status/{id:N}")
            : PublicCode.TryNormalise(code, out var typed) ? Results.Redirect($"/status/{typed}")
            : Results.Redirect("/?message=notfound"));
        // One answer for a malformed code, an unknown one and any other refusal: the page tells a guesser nothing.
        site.MapGet("/status/{code}", async (string code, string? feedback, PublicDesk desk, CancellationToken ct) =>
            await desk.FindStatusByCodeAsync(code, ct) switch
            {
                (CodeLookup.Found, { } status) => Page<StatusPage>(new() { [nameof(StatusPage.Status)] = status, [nameof(StatusPage.Feedback)] = feedback is "saved" or "already" or "invalid" ? feedback : null }),
                (CodeLookup.Shared, _) => Results.Redirect("/?message=shared"),
                _ => Results.Redirect("/?message=notfound"),
            });

        site.MapPost("/feedback/{code}", async (string code, HttpRequest request, PublicDesk desk, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            if (!TryCode(code, out var id))
            {
                return Results.Redirect("/?message=notfound");
            }

            var outcome = await desk.LeaveFeedbackAsync(id, int.TryParse(form["rating"], out var rating) ? rating : 0, form["comment"], ct);
            return outcome == PublicOutcome.NotFound
                ? Results.Redirect("/?message=notfound")
                : Results.Redirect($"/status/{id:N}?feedback={outcome switch { PublicOutcome.Done => "saved", PublicOutcome.AlreadyDone => "already", _ => "invalid" }}");
        });

        site.MapPost("/lookup", async (HttpRequest request, PublicDesk desk, IDataProtectionProvider protection, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            string commune = form["commune"].ToString(), cccd = form["cccd"].ToString().Trim();
            if (await desk.FindHeldAsync(commune, form["code"], cccd, ct) is not { } id)
            {
                return Results.Redirect("/?message=nomatch");
            }

            return Results.Redirect($"/ho-so/{id:N}?pass={Uri.EscapeDataString(Pass(protection).Protect($"{id:N}|{commune}|{cccd}", PassLifetime))}");
        });

        site.MapGet("/ho-so/{code}", async (string code, string? pass, PublicDesk desk, IDataProtectionProvider protection, CancellationToken ct) =>
            Open(protection, code, pass) is { } holder && await desk.FindDetailAsync(holder.Commune, holder.Id, holder.Cccd, ct) is { } detail
                ? Page<DetailPage>(new() { [nameof(DetailPage.Detail)] = detail, [nameof(DetailPage.DownloadUrl)] = $"/ho-so/{holder.Id:N}/ket-qua?pass={Uri.EscapeDataString(pass!)}" })
                : Results.Redirect("/?message=expired"));

        site.MapGet("/ho-so/{code}/ket-qua", async (string code, string? pass, PublicDesk desk, IDataProtectionProvider protection, CancellationToken ct) =>
            Open(protection, code, pass) is { } holder && await desk.ReadResultAsync(holder.Commune, holder.Id, holder.Cccd, ct) is { } file
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : Results.Redirect("/?message=noresult"));

        site.MapGet("/verify", async (string? code, PublicDesk desk, CancellationToken ct) =>
            Page<VerifyPage>(new() { [nameof(VerifyPage.Code)] = code, [nameof(VerifyPage.Result)] = string.IsNullOrWhiteSpace(code) ? null : await desk.VerifyAsync(code, ct) }));

        site.MapGet("/file", async (PublicDesk desk, CancellationToken ct) =>
            Page<FileList>(new() { [nameof(FileList.Procedures)] = await desk.ListOnlineProceduresAsync(ct) }));
        site.MapGet("/file/{procedure}", async (string procedure, PublicDesk desk, IPublicRecords records, CancellationToken ct) =>
            await desk.FindOnlineFormAsync(procedure, ct) is { } found
                ? Page<FileForm>(new() { [nameof(FileForm.Procedure)] = found.Procedure, [nameof(FileForm.Form)] = found.Form, [nameof(FileForm.Communes)] = records.Communes })
                : Results.Redirect("/file"));
        site.MapPost("/file/{procedure}", async (string procedure, HttpRequest request, PublicDesk desk, IPublicRecords records, CancellationToken ct) =>
        {
            if (request.ContentLength > PublicSiteLimits.MaxFilingBodyBytes)
            {
                return Results.Redirect("/?message=toolarge");
            }

            var form = await request.ReadFormAsync(ct);
            var files = new List<PublicFile>();
            foreach (var file in form.Files.Where(f => f.Length > 0))
            {
                using var buffer = new MemoryStream();
                await using (var stream = file.OpenReadStream())
                {
                    await stream.CopyToAsync(buffer, ct);
                }

                files.Add(new PublicFile(file.FileName, file.ContentType, buffer.ToArray()));
            }

            var answers = form.Keys.Where(k => k.StartsWith(FormFieldInput.NamePrefix, StringComparison.Ordinal))
                .ToDictionary(k => k[FormFieldInput.NamePrefix.Length..], k => (string?)form[k].ToString(), StringComparer.Ordinal);
            var filing = new OnlineFiling(form["commune"].ToString(), procedure, form["applicant_name"].ToString(), form["filer_cccd"].ToString().Trim(), answers, files);
            var result = await desk.FileAsync(filing, ct);
            if (result.Id is { } id)
            {
                return Results.Redirect($"/filed/{result.Code ?? id.ToString("N")}");
            }

            if (await desk.FindOnlineFormAsync(procedure, ct) is not { } found)
            {
                return Results.Redirect("/file");
            }

            var posted = form.Keys.ToDictionary(k => k, k => form[k].ToString(), StringComparer.Ordinal);
            return Page<FileForm>(new()
            {
                [nameof(FileForm.Procedure)] = found.Procedure,
                [nameof(FileForm.Form)] = found.Form,
                [nameof(FileForm.Communes)] = records.Communes,
                [nameof(FileForm.Posted)] = posted,
                [nameof(FileForm.Errors)] = result.Errors,
            }, StatusCodes.Status422UnprocessableEntity);
        });
        site.MapGet("/filed/{code}", (string code) =>
            PublicCode.TryNormalise(code, out var filed) ? Page<Filed>(new() { [nameof(Filed.Code)] = filed }) : Results.Redirect("/"));
        return site;
    }

    /// <summary>A dossier id as the slip's QR carries it (32 hex digits) or with dashes.</summary>
    public static bool TryCode(string? text, out Guid id) => Guid.TryParse((text ?? string.Empty).Trim(), out id);

    private static IResult Page<T>(Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<T>(parameters) { StatusCode = status };

    private static string? Known(string? message) => message is "notfound" or "shared" or "nomatch" or "expired" or "noresult" or "toolarge" or "ratelimited" ? message : null;

    private static ITimeLimitedDataProtector Pass(IDataProtectionProvider protection) =>
        protection.CreateProtector(PassPurpose).ToTimeLimitedDataProtector();

    private static (Guid Id, string Commune, string Cccd)? Open(IDataProtectionProvider protection, string code, string? pass)
    {
        if (pass is null || !TryCode(code, out var id))
        {
            return null;
        }

        try
        {
            var parts = Pass(protection).Unprotect(pass).Split('|');
            return parts.Length == 3 && Guid.TryParse(parts[0], out var passId) && passId == id ? (id, parts[1], parts[2]) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
