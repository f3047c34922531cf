using System.Security.Claims;
using OneStop.HubConsole.Ports;
using OneStop.HubConsole.Security;

namespace OneStop.Hub.Enrolment;

/// <summary>The console's port onto <see cref="NodeEnrolment"/>: the admin role is checked here, on the server, for every change.</summary>
public sealed class ConsoleEnrolment(NodeEnrolment enrolment, TimeProvider time) : IConsoleEnrolment
{
    public long NowMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<EnrolmentResult<NewEnrolmentToken>> CreateTokenAsync(ClaimsPrincipal user, string nodeId, string communeCode, int validHours, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsInRole(ConsoleRoles.Admin))
        {
            return new(null, "enrolment.error.role");
        }

        if (validHours is < 1 or > 720)
        {
            return new(null, "enrolment.error.hours");
        }

        try
        {
            var issued = await enrolment.CreateTokenAsync(nodeId, communeCode, TimeSpan.FromHours(validHours), user.Identity?.Name ?? "?", cancellationToken);
            return new(new NewEnrolmentToken(issued.Token, issued.NodeId, issued.CommuneCode, issued.ExpiresMs), null);
        }
        catch (ArgumentException ex)
        {
            return new(null, ex.ParamName == "communeCode" ? "enrolment.error.commune" : "enrolment.error.node", ex.Message);
        }
    }

    public async Task<IReadOnlyList<EnrolmentTokenView>> ListTokensAsync(CancellationToken cancellationToken) =>
        [.. (await enrolment.Store.ListTokensAsync(200, cancellationToken)).Select(t => new EnrolmentTokenView(t.NodeId, t.CommuneCode, t.CreatedMs, t.ExpiresMs, t.CreatedBy, t.UsedMs))];

    public async Task<IReadOnlyList<NodeCertificateView>> ListCertificatesAsync(string nodeId, CancellationToken cancellationToken) =>
        [.. (await enrolment.Store.ListCertificatesAsync(nodeId, cancellationToken)).Select(c => new NodeCertificateView(c.Serial, c.NotBeforeMs, c.NotAfterMs, c.RevokedMs))];

    public async Task<EnrolmentResult<int>> RevokeAsync(ClaimsPrincipal user, string nodeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsInRole(ConsoleRoles.Admin))
        {
            return new(0, "enrolment.error.role");
        }

        return new(await enrolment.RevokeAsync(nodeId, user.Identity?.Name ?? "?", cancellationToken), null);
    }
}
