using System.Security.Claims;
using OneStop.Ui.Security;

namespace OneStop.Edge.Audit;

/// <summary>One line at each desk seam: the signed-in person did this to that.</summary>
internal static class DeskAuditExtensions
{
    public static Task RecordAsync(this EdgeAuditLog? audit, ClaimsPrincipal user, string action, string subject, string? detail = null, CancellationToken cancellationToken = default) =>
        audit?.AppendAsync(user.UserName(), action, subject, detail, cancellationToken) ?? Task.CompletedTask;
}
