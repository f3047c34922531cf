using OneStop.Core.Privacy;
using OneStop.Storage;

namespace OneStop.Edge.Privacy;

/// <summary>
/// The node's data key: 256 random bits made at first start, kept in <see cref="FileName"/> in the data folder with
/// mode 0600, beside the store it opens. Personal fields and attachment content are sealed under it
/// (<see cref="PersonalDataCipher"/>). The node backup carries the whole data folder, key included (inside the
/// passphrase-sealed backup): a node restored from it reads its residents again; a card lost without it is unreadable.
/// </summary>
public static class NodeDataKey
{
    public const string FileName = "data.key";

    /// <summary>The cipher of the node whose data folder is <paramref name="dataDirectory"/>, making the key on first use.</summary>
    public static PersonalDataCipher Open(string dataDirectory) => DataKeyFile.Open(Path.Combine(dataDirectory, FileName));

    /// <summary>The cipher when the folder holds a key (a store being salvaged); null when it never had one.</summary>
    public static PersonalDataCipher? TryOpenExisting(string dataDirectory) =>
        File.Exists(Path.Combine(dataDirectory, FileName)) ? Open(dataDirectory) : null;
}
