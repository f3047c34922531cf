using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Protocol;
using OneStop.Protocol.Enrolment;

namespace OneStop.Edge.Enrolment;

/// <summary>
/// The node's certificate and the hub CA it pinned, in <c>{data}/pki</c>: node.pem holds the certificate and the
/// private key together (mode 0600), so a renewal replaces both in one rename; hub-ca.crt is the pinned CA;
/// enrolment.json names the hub, node and commune the certificate was issued for and is read as configuration.
/// </summary>
public sealed class NodeCredentials(string dataDirectory)
{
    public const string Folder = "pki";
    public const string NodeFile = "node.pem";
    public const string AuthorityFile = "hub-ca.crt";
    public const string SettingsFile = "enrolment.json";

    private int _generation;

    public string FolderPath { get; } = Path.Combine(Path.GetFullPath(dataDirectory), Folder);

    public string NodePath => Path.Combine(FolderPath, NodeFile);

    public string AuthorityPath => Path.Combine(FolderPath, AuthorityFile);

    public string SettingsPath => Path.Combine(FolderPath, SettingsFile);

    /// <summary>Bumped at every enrolment or renewal, so the sync agent knows to open a new channel.</summary>
    public int Generation => Volatile.Read(ref _generation);

    public bool IsEnrolled => File.Exists(NodePath) && File.Exists(AuthorityPath);

    /// <summary>The node's certificate with its key and the pinned CA; null before enrolment.</summary>
    public (X509Certificate2 Certificate, X509Certificate2 Authority)? Load()
    {
        if (!IsEnrolled)
        {
            return null;
        }

        return (X509Certificate2.CreateFromPemFile(NodePath), X509CertificateLoader.LoadCertificateFromFile(AuthorityPath));
    }

    /// <summary>Channel options presenting the node's certificate and trusting the pinned CA only; plain options before enrolment.</summary>
    public SyncChannelOptions ChannelOptions()
    {
        var loaded = Load();
        return loaded is { } l ? new SyncChannelOptions { ClientCertificate = l.Certificate, TrustedRoot = l.Authority } : new SyncChannelOptions();
    }

    /// <summary>The hub address written at enrolment, when there is one.</summary>
    public Uri? HubUrl()
    {
        if (!File.Exists(SettingsPath))
        {
            return null;
        }

        var url = JsonNode.Parse(File.ReadAllText(SettingsPath))?["Sync"]?["HubUrl"]?.GetValue<string>();
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
    }

    /// <summary>Stores a certificate the hub issued for <paramref name="key"/>, the CA and the settings; CA first, node.pem last, so a cut leaves the old pair usable.</summary>
    public void Save(ECDsa key, X509Certificate2 certificate, X509Certificate2 authority, Uri hub, string nodeId, string communeCode)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(authority);
        NodeCertificates.WritePublicFile(AuthorityPath, authority.ExportCertificatePem());
        var settings = new JsonObject
        {
            ["Sync"] = new JsonObject { ["HubUrl"] = hub.ToString() },
            ["Edge"] = new JsonObject { ["NodeId"] = nodeId, ["CommuneCode"] = communeCode },
        };
        NodeCertificates.WritePublicFile(SettingsPath, settings.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        NodeCertificates.WritePrivateFile(NodePath, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n");
        Interlocked.Increment(ref _generation);
    }
}
