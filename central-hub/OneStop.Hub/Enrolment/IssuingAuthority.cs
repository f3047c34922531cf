using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OneStop.Protocol.Enrolment;

namespace OneStop.Hub.Enrolment;

/// <summary>
/// The hub's issuing CA: an ECDSA P-256 key and self-signed certificate made at first start in the data folder
/// (key file 0600). It signs node client certificates from their requests and the hub's own TLS certificate, and
/// is the only root the sync listener trusts.
/// </summary>
public sealed class IssuingAuthority : IDisposable
{
    public const string Folder = "pki";
    private const string KeyFile = "issuing-ca.key";
    private const string CertificateFile = "issuing-ca.crt";
    private const string ServerKeyFile = "hub-tls.key";
    private const string ServerCertificateFile = "hub-tls.crt";
    private static readonly TimeSpan AuthorityLifetime = TimeSpan.FromDays(20 * 365);
    private static readonly TimeSpan ServerLifetime = TimeSpan.FromDays(365);

    private readonly ECDsa _key;
    private readonly string _folder;

    private IssuingAuthority(string folder, ECDsa key, X509Certificate2 certificate)
    {
        _folder = folder;
        _key = key;
        Certificate = certificate;
        Pin = NodeCertificates.Pin(certificate);
    }

    /// <summary>The CA certificate (public part only).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The pin enrolment tokens carry (<see cref="NodeCertificates.Pin"/>).</summary>
    public string Pin { get; }

    /// <summary>Loads the CA from <c>{dataDirectory}/pki</c>, making it on the first start.</summary>
    public static IssuingAuthority LoadOrCreate(string dataDirectory, DateTimeOffset now)
    {
        var folder = Path.Combine(Path.GetFullPath(dataDirectory), Folder);
        var keyPath = Path.Combine(folder, KeyFile);
        var certificatePath = Path.Combine(folder, CertificateFile);
        if (File.Exists(keyPath) && File.Exists(certificatePath))
        {
            var key = ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(keyPath));
            return new IssuingAuthority(folder, key, X509CertificateLoader.LoadCertificateFromFile(certificatePath));
        }

        var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName("OneStop province hub");
        subject.AddCommonName("OneStop issuing CA " + now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var request = new CertificateRequest(subject.Build(), created, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var selfSigned = request.CreateSelfSigned(now.AddDays(-1), now + AuthorityLifetime);
        // Key first: a certificate without its key would be loaded next start and sign nothing.
        NodeCertificates.WritePrivateFile(keyPath, created.ExportPkcs8PrivateKeyPem());
        NodeCertificates.WritePublicFile(certificatePath, selfSigned.ExportCertificatePem());
        return new IssuingAuthority(folder, created, X509CertificateLoader.LoadCertificate(selfSigned.RawData));
    }

    /// <summary>
    /// Signs a node certificate for the public key of a verified request; subject and extensions are the CA's
    /// choice, never the request's. The start is backdated by <paramref name="clockAllowance"/> for slow clocks.
    /// </summary>
    public X509Certificate2 IssueNodeCertificate(PublicKey nodeKey, string nodeId, string communeCode, DateTimeOffset now, TimeSpan lifetime, TimeSpan clockAllowance)
    {
        var request = new CertificateRequest(NodeCertificates.Subject(nodeId, communeCode), nodeKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(NodeCertificates.ClientAuthOid)], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddUri(new Uri($"urn:onestop:node:{Uri.EscapeDataString(nodeId)}"));
        request.CertificateExtensions.Add(names.Build());
        return Sign(request, now - clockAllowance, now + lifetime);
    }

    /// <summary>Reads and verifies a PKCS#10 request; null when it is malformed or not signed by the key it carries.</summary>
    public static PublicKey? VerifiedRequestKey(byte[] requestDer)
    {
        try
        {
            return CertificateRequest.LoadSigningRequest(requestDer, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default).PublicKey;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// The hub's TLS certificate for the sync listener, signed by this CA for localhost, the listen address and
    /// <paramref name="hostNames"/>; made again when missing, near its end or not covering a configured name.
    /// </summary>
    public X509Certificate2 ServerCertificate(IEnumerable<string> hostNames, DateTimeOffset now)
    {
        var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "::1", Environment.MachineName };
        foreach (var name in hostNames.Where(n => !string.IsNullOrWhiteSpace(n) && n is not "0.0.0.0" and not "::"))
        {
            names.Add(name.Trim());
        }

        var keyPath = Path.Combine(_folder, ServerKeyFile);
        var certificatePath = Path.Combine(_folder, ServerCertificateFile);
        if (File.Exists(keyPath) && File.Exists(certificatePath))
        {
            var existing = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            var covered = names.All(n => existing.MatchesHostname(n));
            if (covered && existing.NotAfter.ToUniversalTime() > (now + TimeSpan.FromDays(30)).UtcDateTime
                && NodeCertificates.ChainsTo(existing, Certificate, NodeCertificates.ServerAuthOid, now))
            {
                return existing;
            }

            existing.Dispose();
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName("OneStop province hub");
        subject.AddCommonName(names.First());
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(NodeCertificates.ServerAuthOid)], false));
        var alternatives = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            if (IPAddress.TryParse(name, out var address))
            {
                alternatives.AddIpAddress(address);
            }
            else
            {
                alternatives.AddDnsName(name);
            }
        }

        request.CertificateExtensions.Add(alternatives.Build());
        using var signed = Sign(request, now.AddDays(-1), now + ServerLifetime);
        NodeCertificates.WritePrivateFile(keyPath, key.ExportPkcs8PrivateKeyPem());
        NodeCertificates.WritePublicFile(certificatePath, signed.ExportCertificatePem());
        return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
    }

    private X509Certificate2 Sign(CertificateRequest request, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive integer, as RFC 5280 asks
        return request.Create(Certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(_key), notBefore, notAfter, serial);
    }

    /// <summary>A serial as the store keys it: upper-case hex, as <see cref="X509Certificate2.SerialNumber"/> prints it.</summary>
    public static string SerialOf(X509Certificate2 certificate) => certificate.SerialNumber.ToUpperInvariant();

    public void Dispose()
    {
        _key.Dispose();
        Certificate.Dispose();
    }
}
