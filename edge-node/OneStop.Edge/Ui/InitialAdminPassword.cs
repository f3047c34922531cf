using System.Security.Cryptography;
using Microsoft.Extensions.Options;

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
        if (File.Exists(FilePath))
        {
            return File.ReadAllText(FilePath).Trim();
        }

        Directory.CreateDirectory(options.Value.DataDirectory);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(9));
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(FilePath, System.Text.Encoding.UTF8, fileOptions))
        {
            writer.WriteLine(password);
        }

        logger.LogWarning("No Edge:Ui:AdminPasswordHash configured: the first admin password is in {File}.", FilePath);
        return password;
    }
}
