using Google.Protobuf;
using Grpc.Core;
using OneStop.Hub.Nodes;
using OneStop.Protocol.Enrolment.V1;

namespace OneStop.Hub.Enrolment;

/// <summary>The enrolment calls on the sync listener; maps proto to <see cref="NodeEnrolment"/> and refusals to statuses.</summary>
public sealed class EnrolmentService(NodeEnrolment enrolment) : Protocol.Enrolment.V1.Enrolment.EnrolmentBase
{
    /// <summary>
    /// The calls a node makes before it has a certificate. The token in Enrol is its credential: the service
    /// checks it before anything is issued; the request is one small message capped by the listener's limit.
    /// </summary>
    public static bool IsAnonymous(string fullMethodName) =>
        fullMethodName is "/onestop.enrolment.v1.Enrolment/Authority" or "/onestop.enrolment.v1.Enrolment/Enrol";

    public override Task<AuthorityReply> Authority(AuthorityRequest request, ServerCallContext context) =>
        Task.FromResult(new AuthorityReply { CaCertificateDer = ByteString.CopyFrom(enrolment.Authority.Certificate.RawData) });

    public override async Task<EnrolReply> Enrol(EnrolRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return Reply(await enrolment.EnrolAsync(request.Token, request.CommuneCode, request.CertificateRequestDer.ToByteArray(), context.CancellationToken));
        }
        catch (EnrolmentRefusedException ex)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, ex.Message));
        }
    }

    public override async Task<EnrolReply> Renew(RenewRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        // Only a certificate renews a certificate: a development shared key must not turn into one.
        if (http.Connection.ClientCertificate is null || NodeAuthentication.Authenticated(http) is not { } node)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "renewal needs the node's current certificate"));
        }

        try
        {
            return Reply(await enrolment.RenewAsync(node.NodeId, node.CommuneCode, request.CertificateRequestDer.ToByteArray(), context.CancellationToken));
        }
        catch (EnrolmentRefusedException ex)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, ex.Message));
        }
    }

    private static EnrolReply Reply(IssuedCertificate issued) => new()
    {
        CertificateDer = ByteString.CopyFrom(issued.Certificate.RawData),
        CaCertificateDer = ByteString.CopyFrom(issued.Authority.RawData),
        NodeId = issued.NodeId,
        CommuneCode = issued.CommuneCode,
    };
}
