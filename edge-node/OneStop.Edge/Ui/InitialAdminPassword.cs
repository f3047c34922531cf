using Microsoft.Extensions.Options;
using OneStop.Storage;

namespace OneStop.Edge.Ui;

/// <summary>
/// A random first password for the local admin when the configuration gives no hash: a default password
/// shipped on every appliance would open every commune at once.
/// </summary>
public sealed class InitialAdminPassword(IOptions<EdgeOptions> options, ILogger<InitialAdminPassword> logger)
{
    public const string FileName = "initial-admin-password";

    private readonly Lock _gate = new();
    private string? _password;

    public string FilePath => Path.Combine(options.Value.DataDirectory, FileName);

    public string Read()
    {
        lock (_gate)
        {
            return _password ??= ReadOrCreate();
        }
    }

    private string ReadOrCreate()
    {
        var (password, created) = OwnerOnlySecretFile.ReadOrCreate(FilePath, 9);
        if (created)
        {
            logger.LogWarning("No Edge:Ui:AdminPasswordHash configured: the first admin password is in {File}.", FilePath);
        }

        return password;
    }
}
