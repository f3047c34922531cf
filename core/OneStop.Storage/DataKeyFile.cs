using OneStop.Core.Privacy;

namespace OneStop.Storage;

/// <summary>
/// A data key kept as hex in a file only its owner may read (mode 0600), made on first use: the node's
/// <c>data.key</c> and the hub's <c>province.key</c>. The key never goes into the database it protects.
/// </summary>
public static class DataKeyFile
{
    /// <summary>The cipher under the key in <paramref name="path"/>, making the key when the file does not exist.</summary>
    public static PersonalDataCipher Open(string path) =>
        new(Convert.FromHexString(OwnerOnlySecretFile.ReadOrCreate(path, FieldEnvelope.KeyBytes).Secret));
}
