using OneStop.Core.Privacy;
using OneStop.Storage;

namespace OneStop.Hub.Privacy;

/// <summary>
/// The province's data key: 256 random bits made at the hub's first start in <see cref="FileName"/> in its data folder
/// (mode 0600). Personal fields of the records the hub keeps (in hub.db or in PostgreSQL) are sealed under it, so a copy
/// of the database, a dump or a backup file gives up no resident without the key. Every hub instance on one PostgreSQL
/// database needs the same file; the key is never written into the database it protects.
/// </summary>
public static class ProvinceDataKey
{
    public const string FileName = "province.key";

    /// <summary>The cipher of the hub whose data folder is <paramref name="dataDirectory"/>, making the key on first use.</summary>
    public static PersonalDataCipher Open(string dataDirectory) => DataKeyFile.Open(Path.Combine(dataDirectory, FileName));
}
