using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Changes;
using OneStop.Core.Text;
using OneStop.Edge.Store;
using OneStop.Storage;

namespace OneStop.Edge.Tests.Privacy;

/// <summary>What a lost SD card shows: the node's files hold no resident's name, CCCD number or scan in clear.</summary>
public sealed class SealedAtRestTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Scan = Encoding.UTF8.GetBytes("GIAY KHAI SINH - scan content that must not be readable " + new string('#', 200));

    private static readonly (string Name, string Child, string Cccd)[] Residents =
    [
        ("Nguyễn Văn Bình", "Nguyễn Thị Hoa", "001095012345"),
        ("Vàng Thị Lan", "Giàng A Páo", "002196054321"),
    ];

    [Fact]
    public async Task Store_DossiersWithNamesNumbersAndAScan_RawFilesHoldNoneInClear_AndTheDeskStillFindsThem()
    {
        using var temp = new TempStore();
        var store = await temp.OpenAsync(new FakeTimeProvider(Start));
        var ids = new List<Guid>();
        foreach (var (name, child, cccd) in Residents)
        {
            ids.Add(await FileAsync(store, name, child, cccd));
        }

        var sha = BlobStore.HashOf(Scan);
        await store.AddAttachmentAsync(Guid.CreateVersion7(), "03006", new Dictionary<string, string?> { ["sha256"] = $"\"{sha}\"" }, sha, "text/plain", Scan);
        // A second write of a name leaves the first in the record's history and in the log: both must be sealed.
        await store.WriteAsync(ids[0], RecordTypes.Dossier, "03006", new Dictionary<string, string?> { ["applicant_name"] = "\"Nguyễn Văn Bính\"" });

        AssertNoneInClear(RawBytes(temp.DatabasePath));

        var search = new DossierSearch(temp.Database);
        Assert.Equal([ids[1]], await FindAsync(search, "002196054321"));
        Assert.Equal([ids[1]], await FindAsync(search, "0021960"));
        Assert.Equal([ids[1]], await FindAsync(search, "giang a pao"));
        Assert.Equal([ids[0]], await FindAsync(search, "nguyen van binh"));
        Assert.Equal("Nguyễn Văn Bính", (await store.GetAsync(ids[0]))!.GetJson("applicant_name") is { } json ? JsonSerializer.Deserialize<string>(json) : null);
        Assert.Equal(Scan, await new BlobStore(temp.Database).ReadAsync(sha));
        // The outbox goes out opened: the hub merges values, not ciphertexts.
        var pushed = await store.ReadChangesAfterAsync(0, 100, 1 << 20);
        Assert.Contains(pushed, entry => entry.Fields.Any(field => field.Json == "\"002196054321\""));
    }

    [Fact]
    public async Task SealExisting_StoreWrittenInClearByAnEarlierBuild_SealsItAndReadsTheSameValues()
    {
        using var temp = new TempStore();
        var time = new FakeTimeProvider(Start);
        var legacy = new EdgeStore(new SqliteDatabase(temp.DatabasePath), temp.NodeId);
        await legacy.InitialiseAsync(time);
        var id = await FileAsync(legacy, Residents[0].Name, Residents[0].Child, Residents[0].Cccd);
        var sha = BlobStore.HashOf(Scan);
        await legacy.AddAttachmentAsync(Guid.CreateVersion7(), "03006", new Dictionary<string, string?> { ["sha256"] = $"\"{sha}\"" }, sha, "text/plain", Scan);
        await CheckpointAsync(temp.DatabasePath);
        Assert.NotEqual(-1, RawBytes(temp.DatabasePath).AsSpan().IndexOf(Encoding.UTF8.GetBytes(Residents[0].Cccd)));

        var store = await temp.OpenAsync(time);
        var before = await store.GetAsync(id);
        var sealedRows = await store.SealExistingAsync();

        Assert.True(sealedRows >= 3, $"sealed {sealedRows} rows");
        AssertNoneInClear(RawBytes(temp.DatabasePath), Residents[0]);
        Assert.Equal(before!.Fields.OrderBy(f => f.Key, StringComparer.Ordinal), (await store.GetAsync(id))!.Fields.OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.Equal(Scan, await new BlobStore(temp.Database).ReadAsync(sha));
        Assert.Equal([id], await FindAsync(new DossierSearch(temp.Database), Residents[0].Cccd));
        Assert.Equal(0, await store.SealExistingAsync());
    }

    private static async Task<Guid> FileAsync(EdgeStore store, string name, string child, string cccd)
    {
        var id = Guid.CreateVersion7();
        await store.WriteAsync(id, RecordTypes.Dossier, "03006", new Dictionary<string, string?>
        {
            ["applicant_name"] = JsonSerializer.Serialize(name),
            ["status"] = "\"received\"",
            ["procedure_code"] = "\"hotich.khaisinh\"",
            ["form.id_number"] = JsonSerializer.Serialize(cccd),
            ["form.child.full_name"] = JsonSerializer.Serialize(child),
            ["form.child.date_of_birth"] = "\"2026-11-30\"",
        });
        return id;
    }

    private static async Task<IReadOnlyList<Guid>> FindAsync(DossierSearch search, string text) =>
        [.. (await search.SearchAsync(new DossierSearchCriteria(text, null, null, null, null, 0, 25))).Items.Select(item => item.Id)];

    private static void AssertNoneInClear(byte[] raw, params (string Name, string Child, string Cccd)[] residents)
    {
        Assert.True(raw.Length > 0);
        foreach (var (name, child, cccd) in residents.Length > 0 ? residents : Residents)
        {
            foreach (var text in new[] { name, child, VietnameseFolding.ToAscii(name), VietnameseFolding.ToAscii(child), cccd, "2026-11-30" })
            {
                Assert.True(raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) < 0, $"'{text}' is in the node's files in clear");
            }
        }

        Assert.True(raw.AsSpan().IndexOf(Scan.AsSpan(0, 40)) < 0, "the scan is in the node's files in clear");
    }

    internal static byte[] RawBytes(string databasePath)
    {
        SqliteConnection.ClearAllPools();
        using var all = new MemoryStream();
        foreach (var file in new[] { databasePath, databasePath + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.CopyTo(all);
        }

        return all.ToArray();
    }

    private static async Task CheckpointAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await SqliteDatabase.ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
    }
}
