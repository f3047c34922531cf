using System.Security.Cryptography;

namespace OneStop.Storage;

/// <summary>
/// A secret made at first start and kept in a file only its owner may read (mode 0600), for the first
/// password or key a host needs when its configuration gives none: a shipped default would open every box.
/// </summary>
public static class OwnerOnlySecretFile
{
    /// <summary>Reads the secret in <paramref name="path"/>, or makes one of <paramref name="randomBytes"/> random bytes (hex) and writes it.</summary>
    /// <returns>The secret and whether it was made now (so the caller can say where it is).</returns>
    public static (string Secret, bool Created) ReadOrCreate(string path, int randomBytes)
    {
        if (File.Exists(path))
        {
            return (File.ReadAllText(path).Trim(), false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(randomBytes));
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        // No byte-order mark: installers cat the file or paste it into a password field, and the BOM would ride along.
        using (var writer = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), fileOptions))
        {
            writer.WriteLine(secret);
        }

        return (secret, true);
    }
}
