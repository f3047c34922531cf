using System.Net;
using OneStop.Ui.Localisation;

namespace OneStop.Edge.StoreHealth;

/// <summary>
/// The one place a storage failure becomes words, at every door: the HTTP API answers problem details
/// (507 for a full disk, 503 for a damaged database) with the Vietnamese title and what to do; a desk page
/// gets the same words as a page of its own instead of a bare 500. The failure is also noted in the store
/// health, so the banner on every page and the fleet view say it too.
/// </summary>
internal sealed class StoreProblemMiddleware(RequestDelegate next, StoreHealthState health, TimeProvider time, ILogger<StoreProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (StoreFailures.Classify(ex) is { } problem && !context.Response.HasStarted)
        {
            health.Noticed(problem, ex.Message, time.GetUtcNow());
            logger.LogError("Refused {Method} {Path}: {Problem} ({Message})", context.Request.Method, context.Request.Path, problem, ex.Message);
            context.Response.Clear();
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await Problem(problem).ExecuteAsync(context);
            }
            else
            {
                await Page(context, problem);
            }
        }
    }

    public static int StatusOf(StoreProblem problem) => problem == StoreProblem.Full
        ? StatusCodes.Status507InsufficientStorage
        : StatusCodes.Status503ServiceUnavailable;

    public static IResult Problem(StoreProblem problem)
    {
        var key = KeyOf(problem);
        var (titleVi, titleEn) = UiText.Strings[$"storage.{key}.title"];
        var (detailVi, detailEn) = UiText.Strings[$"storage.{key}.detail"];
        return Results.Problem(
            title: titleVi,
            detail: detailVi,
            statusCode: StatusOf(problem),
            type: $"https://onestop.gov.vn/problems/storage-{key}",
            extensions: new Dictionary<string, object?>
            {
                ["code"] = $"storage_{key}",
                ["error"] = titleVi + " " + detailVi,
                ["errorEn"] = titleEn + " " + detailEn,
                ["titleEn"] = titleEn,
                ["detailEn"] = detailEn,
            });
    }

    private static string KeyOf(StoreProblem problem) => problem == StoreProblem.Full ? "full" : "corrupt";

    private static async Task Page(HttpContext context, StoreProblem problem)
    {
        var key = KeyOf(problem);
        var (titleVi, titleEn) = UiText.Strings[$"storage.{key}.title"];
        var (detailVi, detailEn) = UiText.Strings[$"storage.{key}.detail"];
        var back = context.Request.Headers.Referer.ToString() is { Length: > 0 } referer && Uri.TryCreate(referer, UriKind.Absolute, out var uri) && uri.Host == context.Request.Host.Host
            ? uri.PathAndQuery
            : "/";
        context.Response.StatusCode = StatusOf(problem);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>{Encode(titleVi)}</title><link rel="stylesheet" href="/_content/OneStop.Ui/onestop.css"></head>
            <body><main class="page"><section class="notice notice-error" role="alert" data-testid="storage-refusal" data-state="{key}">
            <h1>{Encode(titleVi)}</h1><p>{Encode(detailVi)}</p>
            <p lang="en"><strong>{Encode(titleEn)}</strong> {Encode(detailEn)}</p>
            <p><a class="button" href="{Encode(back)}">Quay lại / Back</a></p>
            </section></main></body></html>
            """);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
