using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Ui.Attachments;

/// <summary>Download of an attachment: a file is a plain HTTP response, not a page.</summary>
public static class AttachmentEndpoints
{
    public static IEndpointRouteBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dossiers/{dossierId:guid}/attachments/{attachmentId:guid}", DownloadAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> DownloadAsync(Guid dossierId, Guid attachmentId, IDeskAttachments attachments, HttpContext http)
    {
        RequestUser.Provide(http);
        try
        {
            if (await attachments.ReadAsync(dossierId, attachmentId, http.RequestAborted) is not { } file)
            {
                return Results.NotFound();
            }

            // Always a download with the stored type and no sniffing: a file a resident brought must never run as a page of the desk.
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(file.Content, file.Attachment.ContentType, file.Attachment.FileName);
        }
        catch (DeskForbiddenException)
        {
            return Results.Forbid();
        }
    }
}
