using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OneStop.Protocol.Enrolment;

/// <summary>
/// What both ends read from a node certificate and how either end keeps a private key on disk. The node id is
/// the subject's common name, the commune its organisational unit: the hub trusts these because its own CA
/// wrote them, never what a node puts in a header.
/// </summary>
public static class NodeCertificates
{
    public const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";
    public const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    private const string CommonNameOid = "2.5.4.3";
    private const string OrganisationalUnitOid = "2.5.4.11";

    /// <summary>The subject the hub's CA gives a node: CN=node id, OU=commune code, O=OneStop node.</summary>
    public static X500DistinguishedName Subject(string nodeId, string communeCode)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddOrganizationName("OneStop node");
        builder.AddOrganizationalUnitName(communeCode);
        builder.AddCommonName(nodeId);
        return builder.Build();
    }

    /// <summary>The node id and commune a certificate names, or null when it names no node.</summary>
    public static (string NodeId, string CommuneCode)? ReadIdentity(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        string? node = null, commune = null;
        foreach (var name in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            switch (name.GetSingleElementType().Value)
            {
                case CommonNameOid:
                    node = name.GetSingleElementValue();
                    break;
                case OrganisationalUnitOid:
                    commune = name.GetSingleElementValue();
                    break;
            }
        }

        return string.IsNullOrEmpty(node) || string.IsNullOrEmpty(commune) ? null : (node, commune);
    }

    /// <summary>
    /// The CA's pin carried in an enrolment token: the first 16 hex digits of the SHA-256 of its certificate.
    /// 64 bits are enough: forging a CA with the same pin is a second pre-image, not a birthday search.
    /// </summary>
    public static string Pin(X509Certificate2 authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        return Convert.ToHexStringLower(SHA256.HashData(authority.RawData))[..16];
    }

    /// <summary>Whether <paramref name="certificate"/> chains to <paramref name="authority"/> alone, for the purpose given, at <paramref name="at"/>.</summary>
    public static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 authority, string purposeOid, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(authority);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        // A private CA publishes no revocation list; the hub checks its own revocations after the chain.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(purposeOid));
        return chain.Build(certificate)
            && chain.ChainElements.Count == 2
            && chain.ChainElements[^1].Certificate.RawData.AsSpan().SequenceEqual(authority.RawData);
    }

    /// <summary>Writes a secret readable by this user alone (0600), replacing any earlier file only once the new one is complete.</summary>
    public static void WritePrivateFile(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Writes a public file (a certificate) the same all-or-nothing way.</summary>
    public static void WritePublicFile(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
