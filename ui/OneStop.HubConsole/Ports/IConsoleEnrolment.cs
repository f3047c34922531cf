using System.Security.Claims;

namespace OneStop.HubConsole.Ports;

/// <summary>An enrolment token as listed: never its secret, which is shown once when made.</summary>
public sealed record EnrolmentTokenView(string NodeId, string CommuneCode, long CreatedMs, long ExpiresMs, string CreatedBy, long? UsedMs);

/// <summary>A token just made: the text to hand over, shown once.</summary>
public sealed record NewEnrolmentToken(string Token, string NodeId, string CommuneCode, long ExpiresMs);

/// <summary>A certificate the hub's CA issued to a node.</summary>
public sealed record NodeCertificateView(string Serial, long NotBeforeMs, long NotAfterMs, long? RevokedMs);

/// <summary>The result of an admin action: done, or the key of the words saying why not.</summary>
public sealed record EnrolmentResult<T>(T? Value, string? ErrorKey, string? ErrorDetail = null)
{
    public bool Succeeded => ErrorKey is null;
}

/// <summary>Enrolment of nodes from the console. Every change checks the admin role on the server and is audited.</summary>
public interface IConsoleEnrolment
{
    Task<EnrolmentResult<NewEnrolmentToken>> CreateTokenAsync(ClaimsPrincipal user, string nodeId, string communeCode, int validHours, CancellationToken cancellationToken);

    Task<IReadOnlyList<EnrolmentTokenView>> ListTokensAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<NodeCertificateView>> ListCertificatesAsync(string nodeId, CancellationToken cancellationToken);

    /// <summary>Revokes every certificate of the node; the value is how many were still valid.</summary>
    Task<EnrolmentResult<int>> RevokeAsync(ClaimsPrincipal user, string nodeId, CancellationToken cancellationToken);

    /// <summary>The time now, by the hub's clock, to tell expired tokens and certificates.</summary>
    long NowMs { get; }
}
