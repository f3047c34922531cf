using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using OneStop.Hub.AdminConsole;
using OneStop.Protocol.Enrolment;

namespace OneStop.Hub.Enrolment;

/// <summary>A token just made: the text to hand over (shown once, never stored) and when it stops working.</summary>
public sealed record IssuedToken(string Token, string NodeId, string CommuneCode, long ExpiresMs);

/// <summary>A certificate just signed for a node, with the CA that signed it.</summary>
public sealed record IssuedCertificate(X509Certificate2 Certificate, X509Certificate2 Authority, string NodeId, string CommuneCode);

/// <summary>
/// The province's side of enrolment: tokens for admins, certificates for nodes, revocation. Every change is
/// written to the console's audit log with who did it.
/// </summary>
public sealed partial class NodeEnrolment(IssuingAuthority authority, EnrolmentStore store, ConsoleAuditLog audit, IOptions<NodeSecurityOptions> options, TimeProvider time)
{
    public IssuingAuthority Authority => authority;

    public EnrolmentStore Store => store;

    /// <summary>Makes a one-time token for <paramref name="nodeId"/> in <paramref name="communeCode"/>; throws ArgumentException for a bad id or code.</summary>
    public async Task<IssuedToken> CreateTokenAsync(string nodeId, string communeCode, TimeSpan? lifetime, string actor, CancellationToken cancellationToken)
    {
        nodeId = (nodeId ?? string.Empty).Trim();
        communeCode = (communeCode ?? string.Empty).Trim();
        if (!NodeIdPattern().IsMatch(nodeId))
        {
            throw new ArgumentException("Mã máy chỉ gồm chữ thường, số và dấu gạch (3–64 ký tự) / A node id is 3–64 lower-case letters, digits and hyphens.", nameof(nodeId));
        }

        if (!CommunePattern().IsMatch(communeCode))
        {
            throw new ArgumentException("Mã xã gồm 5 chữ số / A commune code is five digits.", nameof(communeCode));
        }

        var life = lifetime ?? options.Value.TokenLifetime;
        if (life <= TimeSpan.Zero)
        {
            throw new ArgumentException("Thời hạn phải lớn hơn 0 / The lifetime must be positive.", nameof(lifetime));
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var token = EnrolmentToken.Create(authority.Pin);
        var expires = now + (long)life.TotalMilliseconds;
        await store.AddTokenAsync(EnrolmentToken.Hash(token.Secret), nodeId, communeCode, now, expires, actor, cancellationToken);
        await audit.AppendAsync(actor, "enrolment.token.create", nodeId, $"commune {communeCode}, expires {DateTimeOffset.FromUnixTimeMilliseconds(expires):u}", cancellationToken);
        return new IssuedToken(token.ToString(), nodeId, communeCode, expires);
    }

    /// <summary>Redeems a token for the node's certificate request; throws <see cref="EnrolmentRefusedException"/> with words for the person at the node.</summary>
    public async Task<IssuedCertificate> EnrolAsync(string secret, string communeCode, byte[] requestDer, CancellationToken cancellationToken)
    {
        var key = IssuingAuthority.VerifiedRequestKey(requestDer) ?? throw new EnrolmentRefusedException(EnrolmentRefusedException.BadRequest);
        var now = time.GetUtcNow();
        var (refusal, nodeId, commune, issued) = await store.RedeemAsync(
            EnrolmentToken.Hash(secret), communeCode, now.ToUnixTimeMilliseconds(), (node, code) => Issue(key, node, code, now), cancellationToken);
        if (refusal is { } why)
        {
            await audit.AppendAsync("node", "enrolment.refused", nodeId.Length > 0 ? nodeId : "?", why.ToString(), cancellationToken);
            throw new EnrolmentRefusedException(why switch
            {
                TokenRefusal.Used => EnrolmentRefusedException.Used,
                TokenRefusal.Expired => EnrolmentRefusedException.Expired,
                TokenRefusal.OtherCommune => string.Format(System.Globalization.CultureInfo.InvariantCulture, EnrolmentRefusedException.OtherCommune, commune, communeCode),
                _ => EnrolmentRefusedException.Unknown,
            });
        }

        await audit.AppendAsync("node:" + nodeId, "enrolment.enrol", nodeId, $"commune {commune}, certificate {IssuingAuthority.SerialOf(issued!)}", cancellationToken);
        return new IssuedCertificate(issued!, authority.Certificate, nodeId, commune);
    }

    /// <summary>A new certificate for a node already authenticated by its current one (same node, same commune).</summary>
    public async Task<IssuedCertificate> RenewAsync(string nodeId, string communeCode, byte[] requestDer, CancellationToken cancellationToken)
    {
        var key = IssuingAuthority.VerifiedRequestKey(requestDer) ?? throw new EnrolmentRefusedException(EnrolmentRefusedException.BadRequest);
        var now = time.GetUtcNow();
        var (certificate, row) = Issue(key, nodeId, communeCode, now);
        await store.AddCertificateAsync(row, now.ToUnixTimeMilliseconds(), cancellationToken);
        await audit.AppendAsync("node:" + nodeId, "enrolment.renew", nodeId, $"certificate {row.Serial}", cancellationToken);
        return new IssuedCertificate(certificate, authority.Certificate, nodeId, communeCode);
    }

    /// <summary>Revokes every certificate of the node: its next call is refused. Returns how many were valid.</summary>
    public async Task<int> RevokeAsync(string nodeId, string actor, CancellationToken cancellationToken)
    {
        var count = await store.RevokeNodeAsync(nodeId, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        await audit.AppendAsync(actor, "enrolment.revoke", nodeId, $"{count} certificate(s)", cancellationToken);
        return count;
    }

    private (X509Certificate2, NodeCertificateRow) Issue(System.Security.Cryptography.X509Certificates.PublicKey key, string nodeId, string communeCode, DateTimeOffset now)
    {
        var certificate = authority.IssueNodeCertificate(key, nodeId, communeCode, now, options.Value.CertificateLifetime, options.Value.ClockAllowance);
        return (certificate, new NodeCertificateRow(
            IssuingAuthority.SerialOf(certificate), nodeId, communeCode,
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime()).ToUnixTimeMilliseconds(),
            new DateTimeOffset(certificate.NotAfter.ToUniversalTime()).ToUnixTimeMilliseconds(), null));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$")]
    private static partial Regex NodeIdPattern();

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex CommunePattern();
}

/// <summary>Enrolment refused; the message is for the person at the node, Vietnamese first.</summary>
public sealed class EnrolmentRefusedException(string message) : Exception(message)
{
    public const string Used = "Mã đăng ký này đã được dùng; không cấp chứng thư nào. Hãy xin quản trị tỉnh một mã mới. / This enrolment token has already been used; nothing was issued. Ask the province admin for a new one.";
    public const string Expired = "Mã đăng ký đã hết hạn; không cấp chứng thư nào. Hãy xin quản trị tỉnh một mã mới. / This enrolment token has expired; nothing was issued. Ask the province admin for a new one.";
    public const string Unknown = "Mã đăng ký không đúng. Hãy kiểm tra lại từng ký tự. / Unknown enrolment token. Check it character by character.";
    public const string OtherCommune = "Mã đăng ký này dành cho xã {0}, không phải xã {1}. / This enrolment token is for commune {0}, not {1}.";
    public const string BadRequest = "Yêu cầu cấp chứng thư không hợp lệ. / The certificate request is malformed or not signed by its key.";

    public EnrolmentRefusedException()
        : this(Unknown)
    {
    }

    public EnrolmentRefusedException(string message, Exception inner)
        : this(message + " " + inner?.Message)
    {
    }
}
