using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using OneStop.Edge.Sync;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Edge.Enrolment;

/// <summary>The desk's /enrol page onto <see cref="NodeEnroller"/>; only a commune admin may enrol, checked here.</summary>
public sealed class EdgeDeskEnrolment(
    NodeCredentials credentials, NodeEnroller enroller, IOptions<EdgeOptions> edge, IOptions<SyncOptions> sync, AuthenticationStateProvider authentication)
    : IDeskEnrolment
{
    public Task<DeskEnrolmentStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var hub = sync.Value.HubUrl ?? credentials.HubUrl();
        if (credentials.Load() is not { } loaded)
        {
            return Task.FromResult(new DeskEnrolmentStatus(false, null, null, null, hub?.ToString(), edge.Value.CommuneCode));
        }

        using (loaded.Certificate)
        using (loaded.Authority)
        {
            var identity = Protocol.Enrolment.NodeCertificates.ReadIdentity(loaded.Certificate);
            return Task.FromResult(new DeskEnrolmentStatus(
                true, identity?.NodeId, identity?.CommuneCode,
                new DateTimeOffset(loaded.Certificate.NotAfter.ToUniversalTime()).ToUnixTimeMilliseconds(), hub?.ToString(), edge.Value.CommuneCode)
            {
                CertificateSubject = loaded.Certificate.Subject,
            });
        }
    }

    public async Task<DeskEnrolmentOutcome> EnrolAsync(string hubUrl, string token, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(DeskRoles.CommuneAdmin))
        {
            throw new InvalidOperationException("Chỉ quản trị xã được đăng ký máy. / Only a commune admin may enrol the node.");
        }

        if (!Uri.TryCreate(hubUrl, UriKind.Absolute, out var hub))
        {
            throw new InvalidOperationException("Địa chỉ máy chủ tỉnh không đúng. / The hub address is not a URL.");
        }

        try
        {
            var outcome = await enroller.EnrolAsync(hub, token, edge.Value.CommuneCode, cancellationToken);
            // The running sync agent picks the certificate up only when it already dials this hub as this node.
            var restart = sync.Value.HubUrl != hub || edge.Value.NodeId != outcome.NodeId;
            return new DeskEnrolmentOutcome(outcome.NodeId, outcome.CommuneCode, outcome.NotAfter.ToUnixTimeMilliseconds(), restart);
        }
        catch (EnrolmentFailedException ex)
        {
            throw new InvalidOperationException(ex.Message, ex);
        }
    }
}
