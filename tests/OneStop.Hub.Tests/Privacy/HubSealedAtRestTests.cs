using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Privacy;
using OneStop.Core.Text;
using OneStop.Hub.Nodes;
using OneStop.Hub.Store;

namespace OneStop.Hub.Tests.Privacy;

/// <summary>
/// The hub keeps residents' personal fields sealed under the province's key, on each engine: the raw store (the SQLite
/// file, every PostgreSQL table as text) holds no name or CCCD number in clear, while merges, conflicts, pulls and the
/// online filer's daily count work on the values.
/// </summary>
public abstract partial class HubSealedAtRestTests : IAsyncLifetime
{
    protected const string Commune = "03006";

    /// <summary>A fixed province key for the tests (any 32 bytes).</summary>
    internal static readonly PersonalDataCipher ProvinceCipher = new(SHA256.HashData("province key for tests"u8));

    private static readonly NodeIdentity NodeA = new("node-a", Commune);
    private static readonly NodeIdentity NodeC = new("node-c", Commune);
    private static readonly string[] Secrets = ["Lò Văn Hùng", "Lò Văn Hưng", "Cầm Thị Hoa", "001095012345", "002078990001", "1995-03-10"];

    private IHubDatabase? _database;

    /// <summary>A fresh, empty database of the engine under test whose connections carry <paramref name="cipher"/>.</summary>
    protected abstract Task<IHubDatabase> CreateDatabaseAsync(PersonalDataCipher? cipher);

    /// <summary>The database <see cref="CreateDatabaseAsync"/> made, opened again with connections carrying <paramref name="cipher"/>.</summary>
    protected abstract IHubDatabase Reopen(PersonalDataCipher cipher);

    /// <summary>Everything the store holds as the engine keeps it, as text or bytes a thief with the files would read.</summary>
    protected abstract Task<byte[]> RawAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        if (_database is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Store_NamesAndNumbersPushedAndFiledOnline_RawStoreHoldsNoneInClear_AndTheHubStillReadsAndCountsThem()
    {
        _database = await CreateDatabaseAsync(ProvinceCipher);
        var store = new HubStore(_database, "hub", TimeProvider.System, 300_000);
        await store.InitialiseAsync();
        var id = Guid.CreateVersion7();
        // Two offices name the same resident differently without seeing each other: a conflict, whose sides are values too.
        await store.PushAsync(NodeA, [Entry(NodeA, id, 1_700_000_000_000, "Lò Văn Hùng")]);
        await store.PushAsync(NodeC, [Entry(NodeC, id, 1_700_000_000_500, "Lò Văn Hưng")]);
        var createdAt = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
        var online = Guid.CreateVersion7();
        await store.WriteAsHubAsync(online, RecordTypes.Dossier, Commune, new Dictionary<string, string?>
        {
            ["status"] = "\"draft\"",
            ["applicant_name"] = Json("Cầm Thị Hoa"),
            [PersonalFields.OnlineFilerCccd] = Json("002078990001"),
            ["created_at"] = JsonSerializer.Serialize(createdAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        });

        var raw = await RawAsync();
        Assert.True(raw.Length > 1000, $"only {raw.Length} raw bytes read");
        foreach (var secret in Secrets.Concat(Secrets.Select(VietnameseFolding.ToAscii)))
        {
            Assert.True(raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"'{secret}' is in the hub's store in clear");
        }

        Assert.Equal("Lò Văn Hưng", Text((await store.GetAsync(id))!.Fields["applicant_name"].Json));
        Assert.Equal("001095012345", Text((await store.GetAsync(id))!.Fields["form.id_number"].Json));
        var conflict = Assert.Single(await store.ListConflictsAsync(Commune), c => c.Conflict.Field == "applicant_name");
        Assert.Equal("Lò Văn Hưng", Text(conflict.Conflict.Winner.Json));
        var pulled = await store.ReadPullPageAsync(Commune, 0, 100, string.Empty, 0, IncarnationPolicy.Legacy);
        Assert.Contains(pulled.Entries, e => e.Change.Fields.Any(f => Text(f.Json) == "Lò Văn Hùng"));
        Assert.Contains(pulled.Entries, e => e.Change.Fields.Any(f => Text(f.Json) == "002078990001"));
        Assert.Equal(1, await store.CountOnlineFilingsAsync("002078990001", createdAt.AddHours(-1), createdAt.AddHours(1)));
        Assert.Equal(0, await store.CountOnlineFilingsAsync("002078990002", createdAt.AddHours(-1), createdAt.AddHours(1)));
        Assert.Contains("Cầm Thị Hoa", (await store.ListAsync(RecordTypes.Dossier, Commune, 10)).Single(r => r.Id == online).DataJson, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Store_FormKeyTheCatalogueMarksPersonal_RawStoreHoldsItSealed_AndTheHubReadsIt()
    {
        // A fresh cipher: the marks it learns must come from this store's catalogue, not from another test.
        _database = await CreateDatabaseAsync(new PersonalDataCipher(SHA256.HashData("marks key"u8)));
        var store = new HubStore(_database, "hub", TimeProvider.System, 300_000);
        await store.InitialiseAsync();
        await store.WriteAsHubAsync(Guid.CreateVersion7(), RecordTypes.Procedure, Scopes.Global, new Dictionary<string, string?>
        {
            ["code"] = "\"test.marks\"",
            ["form"] = """[{"key": "child.ethnicity", "type": "text", "personal_data": true, "personal_data_class": "sensitive"}, {"key": "child.note", "type": "text", "personal_data": false, "personal_data_class": null}]""",
        });
        var id = Guid.CreateVersion7();
        var version = new HlcTimestamp(1_700_000_000_000, 0, NodeA.NodeId);
        await store.PushAsync(NodeA, [new ChangeEntry(NodeA.NodeId, 1, id, RecordTypes.Dossier, Commune,
        [
            FieldChange.Set("form.child.ethnicity", Json("Xinh Mun Dạ"), version, HlcTimestamp.Zero),
            FieldChange.Set("form.child.note", Json("Ghi chú công khai"), version, HlcTimestamp.Zero),
        ])]);

        var raw = await RawAsync();
        Assert.True(raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Xinh Mun")) < 0, "a value of a key the schema marks personal is in the hub's store in clear");
        // The unmarked answer is the control: the raw read would have found a value in clear.
        Assert.True(raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Ghi chú công khai")) >= 0, "the raw read does not see unmarked values either");
        Assert.Equal("Xinh Mun Dạ", Text((await store.GetAsync(id))!.Fields["form.child.ethnicity"].Json));
    }

    [SkippableFact]
    public async Task SealExisting_HubWrittenInClearByAnEarlierBuild_SealsOnceAndStillReadsAndCounts()
    {
        var createdAt = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
        var id = Guid.CreateVersion7();
        var online = Guid.CreateVersion7();
        var plainDatabase = await CreateDatabaseAsync(null);
        var plain = new HubStore(plainDatabase, "hub", TimeProvider.System, 300_000);
        await plain.InitialiseAsync();
        await plain.PushAsync(NodeA, [Entry(NodeA, id, 1_700_000_000_000, "Lò Văn Hùng")]);
        await plain.PushAsync(NodeC, [Entry(NodeC, id, 1_700_000_000_500, "Lò Văn Hưng")]);
        await plain.WriteAsHubAsync(online, RecordTypes.Dossier, Commune, new Dictionary<string, string?>
        {
            ["applicant_name"] = Json("Cầm Thị Hoa"),
            [PersonalFields.OnlineFilerCccd] = Json("002078990001"),
            ["created_at"] = JsonSerializer.Serialize(createdAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        });
        Assert.True((await RawAsync()).AsSpan().IndexOf(Encoding.UTF8.GetBytes("Cầm Thị Hoa")) >= 0, "the earlier build's store should hold the name in clear");
        var headBefore = await plain.ReadLogHeadAsync();
        var store = await ReopenSealedAndSealOnceAsync(plainDatabase);

        var raw = await RawAsync();
        foreach (var secret in Secrets.Concat(Secrets.Select(VietnameseFolding.ToAscii)))
        {
            Assert.True(raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"'{secret}' is still in the hub's store in clear after the sealing pass");
        }

        Assert.Equal("Lò Văn Hưng", Text((await store.GetAsync(id))!.Fields["applicant_name"].Json));
        Assert.Equal("Lò Văn Hưng", Text(Assert.Single(await store.ListConflictsAsync(Commune), c => c.Conflict.Field == "applicant_name").Conflict.Winner.Json));
        var pulled = await store.ReadPullPageAsync(Commune, 0, 100, string.Empty, 0, IncarnationPolicy.Legacy);
        Assert.Contains(pulled.Entries, e => e.Change.Fields.Any(f => Text(f.Json) == "Lò Văn Hùng"));
        // Sealing moves nothing: nodes see no new log entry for it.
        Assert.Equal(headBefore, await store.ReadLogHeadAsync());
        Assert.Equal(1, await store.CountOnlineFilingsAsync("002078990001", createdAt.AddHours(-1), createdAt.AddHours(1)));
    }

    private static ChangeEntry Entry(NodeIdentity node, Guid id, long wallMs, string applicant) =>
        new(node.NodeId, 1, id, RecordTypes.Dossier, node.CommuneCode,
        [
            FieldChange.Set("applicant_name", Json(applicant), new HlcTimestamp(wallMs, 0, node.NodeId), HlcTimestamp.Zero),
            FieldChange.Set("form.id_number", "\"001095012345\"", new HlcTimestamp(wallMs, 0, node.NodeId), HlcTimestamp.Zero),
            FieldChange.Set("form.date_of_birth", "\"1995-03-10\"", new HlcTimestamp(wallMs, 0, node.NodeId), HlcTimestamp.Zero),
        ]);

    // Written as a node writes it, in UTF-8 rather than \u escapes, so the raw check looks for what would be there.
    private static string Json(string text) => "\"" + text + "\"";

    private static string? Text(string? json) => json is null ? null : JsonSerializer.Deserialize<string>(json);
}
