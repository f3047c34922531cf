using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace OneStop.Edge.Ui;

/// <summary>
/// The node's own ECDSA P-256 key for signing slips, made at first start and kept beside the data (mode 0600):
/// a key shipped with the software would let anyone print a "genuine" slip. Only the public half leaves the node.
/// </summary>
public sealed class NodeSigningKey(IOptions<EdgeOptions> options, ILogger<NodeSigningKey> logger) : IDisposable
{
    public const string FileName = "slip-signing-key.pem";

    private readonly Lock _gate = new();
    private ECDsa? _key;

    public string FilePath => Path.Combine(options.Value.DataDirectory, FileName);

    /// <summary>DER SubjectPublicKeyInfo of the public key.</summary>
    public byte[] PublicKeySpki => Key.ExportSubjectPublicKeyInfo();

    public string PublicKeyPem => Key.ExportSubjectPublicKeyInfoPem();

    /// <summary>SHA-256 of the public key, first 16 bytes in hex groups: short enough to read out over the phone.</summary>
    public string Fingerprint =>
        string.Join(':', Convert.ToHexString(SHA256.HashData(PublicKeySpki))[..32].Chunk(4).Select(c => new string(c)));

    /// <summary>Signature over SHA-256 in the fixed 64-byte r‖s form the slip format expects.</summary>
    public byte[] Sign(byte[] data) =>
        Key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public void Dispose() => _key?.Dispose();

    private ECDsa Key
    {
        get
        {
            lock (_gate)
            {
                return _key ??= LoadOrCreate();
            }
        }
    }

    private ECDsa LoadOrCreate()
    {
        var key = ECDsa.Create();
        if (File.Exists(FilePath))
        {
            key.ImportFromPem(File.ReadAllText(FilePath));
            return key;
        }

        key.GenerateKey(ECCurve.NamedCurves.nistP256);
        Directory.CreateDirectory(options.Value.DataDirectory);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(FilePath, System.Text.Encoding.ASCII, fileOptions))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem());
        }

        logger.LogInformation("Made the node's slip signing key in {File}.", FilePath);
        return key;
    }
}
