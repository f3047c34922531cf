using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OneStop.Storage;

namespace OneStop.Hub.Admin;

/// <summary>
/// The key an admin presents to the hub's admin API. Configured in <c>Hub:AdminApiKey</c>; without one the
/// hub makes a random key at first start and writes it to <see cref="FileName"/> (mode 0600) in its data
/// folder, like the edge's first admin password: an open default would hand every node's accounts and
/// catalogue to whoever reaches the port.
/// </summary>
public sealed class AdminApiKey(IOptions<HubOptions> options, ILogger<AdminApiKey> logger)
{
    public const string FileName = "admin-api-key";

    /// <summary>The header that carries the key.</summary>
    public const string Header = "X-OneStop-Admin-Key";

    private readonly Lock _gate = new();
    private byte[]? _keyHash;

    public string FilePath => Path.Combine(options.Value.DataDirectory, FileName);

    /// <summary>Reads or makes the key now, so the file exists (and is logged) before the first request.</summary>
    public void EnsureReady() => KeyHash();

    public bool Matches(string? presented) =>
        !string.IsNullOrEmpty(presented)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), KeyHash());

    private byte[] KeyHash()
    {
        lock (_gate)
        {
            return _keyHash ??= SHA256.HashData(Encoding.UTF8.GetBytes(ReadOrCreate()));
        }
    }

    private string ReadOrCreate()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.AdminApiKey))
        {
            return options.Value.AdminApiKey;
        }

        var (key, created) = OwnerOnlySecretFile.ReadOrCreate(FilePath, 24);
        if (created)
        {
            logger.LogWarning("No Hub:AdminApiKey configured: the admin API key is in {File} (header {Header}).", FilePath, Header);
        }

        return key;
    }
}
