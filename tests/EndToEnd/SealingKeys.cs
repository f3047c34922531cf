using OneStop.Core.Privacy;

namespace OneStop.EndToEnd.Tests;

/// <summary>The key a replica seals personal values under, read from its data folder as a test that holds the box would.</summary>
internal static class SealingKeys
{
    // The node's key (edge-node Privacy/NodeDataKey) and the province's key at the hub (central-hub Privacy/ProvinceDataKey).
    private static readonly string[] FileNames = ["data.key", "province.key"];

    /// <summary>The cipher of the first key file in <paramref name="dataDirectory"/>; null when it holds none (values in clear).</summary>
    public static PersonalDataCipher? Beside(string dataDirectory) =>
        FileNames.Select(name => Path.Combine(dataDirectory, name)).FirstOrDefault(File.Exists) is { } file
            ? new PersonalDataCipher(Convert.FromHexString(File.ReadAllText(file).Trim()))
            : null;
}
