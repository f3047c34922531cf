using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Changes;
using OneStop.Core.Dossiers;
using OneStop.Edge.Store;

namespace OneStop.Edge.Tests;

/// <summary>The desk's dossier list runs as one query in the node's SQLite file: search, filters, paging, totals.</summary>
public sealed class DossierSearchTests : IAsyncLifetime
{
    // 10:00 in Vietnam on Tuesday 1 December 2026.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));
    private readonly TempStore _temp = new();
    private EdgeStore _store = null!;

    public async Task InitializeAsync() => _store = await _temp.OpenAsync(_time);

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("nguyen van")]
    [InlineData("NGUYEN VAN")]
    [InlineData("Nguyễn Văn")]
    [InlineData("văn bình")]
    public async Task Search_NameWithOrWithoutDiacritics_FindsOnlyThatResident(string typed)
    {
        var binh = await WriteAsync("Nguyễn Văn Bình", "hotich.khaisinh", "received", cccd: "001095012345");
        await WriteAsync("Trần Thị Mai", "hotich.khaisinh", "received", cccd: "001195054321");

        var page = await SearchAsync(new DossierSearchCriteria(typed, null, null, null, null, 0, 25));

        Assert.Equal([binh], page.Items.Select(r => r.Id));
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task Search_NameOfAPersonInTheForm_FindsTheDossier()
    {
        var birth = await WriteAsync("Vàng Thị Lan", "hotich.khaisinh", "received", cccd: null, extra: ("form.child.full_name", "Vàng Thị Hoa"));
        await WriteAsync("Lý Văn Sử", "chungthuc.chuky", "received", cccd: null);

        var page = await SearchAsync(new DossierSearchCriteria("vang thi hoa", null, null, null, null, 0, 25));

        Assert.Equal([birth], page.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Search_CccdNumberOrItsStart_FindsTheDossierHoldingIt()
    {
        var mai = await WriteAsync("Trần Thị Mai", "hotich.khaisinh", "received", cccd: "001195054321");
        await WriteAsync("Nguyễn Văn Bình", "hotich.khaisinh", "received", cccd: "001095012345");

        Assert.Equal([mai], (await SearchAsync(new DossierSearchCriteria("001195054321", null, null, null, null, 0, 25))).Items.Select(r => r.Id));
        Assert.Equal([mai], (await SearchAsync(new DossierSearchCriteria("0011950", null, null, null, null, 0, 25))).Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Search_DossierCodeAsPrinted_FindsTheDossier()
    {
        var first = await WriteAsync("Trần Thị Mai", "hotich.khaisinh", "received", cccd: null);
        _time.Advance(TimeSpan.FromMinutes(5));
        await WriteAsync("Nguyễn Văn Bình", "hotich.khaisinh", "received", cccd: null);

        var page = await SearchAsync(new DossierSearchCriteria(DossierCode.Of(first), null, null, null, null, 0, 25));

        Assert.Equal([first], page.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Search_StatusProcedureAndDays_EachNarrowsTheList()
    {
        var birthReceived = await WriteAsync("A", "hotich.khaisinh", "received", cccd: null);
        var birthDraft = await WriteAsync("B", "hotich.khaisinh", "draft", cccd: null);
        var signature = await WriteAsync("C", "chungthuc.chuky", "received", cccd: null);
        // The next day in Vietnam (00:30 on 2 December is 17:30 UTC on 1 December).
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 17, 30, 0, TimeSpan.Zero));
        var nextDay = await WriteAsync("D", "hotich.khaisinh", "received", cccd: null);

        Assert.Equal(
            new[] { birthReceived, nextDay }.Order(),
            (await SearchAsync(new DossierSearchCriteria(null, "received", "hotich.khaisinh", null, null, 0, 25))).Items.Select(r => r.Id).Order());
        Assert.Equal([birthDraft], (await SearchAsync(new DossierSearchCriteria(null, "draft", null, null, null, 0, 25))).Items.Select(r => r.Id));
        Assert.Equal([signature], (await SearchAsync(new DossierSearchCriteria(null, null, "chungthuc.chuky", null, null, 0, 25))).Items.Select(r => r.Id));
        var day = new DateOnly(2026, 12, 2);
        Assert.Equal([nextDay], (await SearchAsync(new DossierSearchCriteria(null, null, null, day, day, 0, 25))).Items.Select(r => r.Id));
        Assert.Equal(3, (await SearchAsync(new DossierSearchCriteria(null, null, null, null, day.AddDays(-1), 0, 25))).Total);
    }

    [Fact]
    public async Task Search_MoreThanOnePage_TotalCountsAllAndPagesReachEachOnce()
    {
        var written = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            written.Add(await WriteAsync($"Nguyễn Văn {i}", "hotich.khaisinh", "received", cccd: null));
        }

        await WriteAsync("Trần Thị Mai", "hotich.khaisinh", "received", cccd: null);
        var seen = new List<Guid>();
        for (var offset = 0; offset < 9; offset += 3)
        {
            var page = await SearchAsync(new DossierSearchCriteria("nguyen van", null, null, null, null, offset, 3));
            Assert.Equal(7, page.Total);
            seen.AddRange(page.Items.Select(r => r.Id));
        }

        Assert.Equal(written.Order(), seen.Order());
        Assert.Equal(7, seen.Distinct().Count());
        Assert.Equal(7, (await SearchAsync(new DossierSearchCriteria("nguyen van", null, null, null, null, 30, 3))).Total);
    }

    [Fact]
    public async Task Search_DraftsOfAVolunteer_OnlyTheDraftsThatVolunteerMade()
    {
        // The merged desk listed every dossier to a volunteer through this query (VolunteerUiTests failed on CI).
        var own = await WriteAsync("Giàng Thị Mai", "hotich.khaisinh", "draft", cccd: null, extra: (DossierFields.CreatedBy, "TNV.An"));
        await WriteAsync("Giàng Thị Mai", "hotich.khaisinh", "received", cccd: null, extra: (DossierFields.CreatedBy, "tnv.an"));
        await WriteAsync("Giàng Thị Mai", "hotich.khaisinh", "draft", cccd: null, extra: (DossierFields.CreatedBy, "tnv.binh"));
        await WriteAsync("Giàng Thị Mai", "hotich.khaisinh", "draft", cccd: null);

        var page = await SearchAsync(new DossierSearchCriteria("giang", null, null, null, null, 0, 25) { DraftsOf = "tnv.an" });

        Assert.Equal([own], page.Items.Select(r => r.Id));
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task Search_LikeWildcardsTyped_MatchedLiterally()
    {
        await WriteAsync("Nguyễn Văn Bình", "hotich.khaisinh", "received", cccd: null);

        Assert.Equal(0, (await SearchAsync(new DossierSearchCriteria("%", null, null, null, null, 0, 25))).Total);
        Assert.Equal(0, (await SearchAsync(new DossierSearchCriteria("_", null, null, null, null, 0, 25))).Total);
    }

    private Task<DossierSearchPage> SearchAsync(DossierSearchCriteria criteria) => new DossierSearch(_temp.Database).SearchAsync(criteria);

    private async Task<Guid> WriteAsync(string name, string procedure, string status, string? cccd, (string Key, string Value)? extra = null)
    {
        var now = _time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var values = new Dictionary<string, string?>
        {
            [DossierFields.ApplicantName] = JsonSerializer.Serialize(name),
            [DossierFields.ProcedureCode] = JsonSerializer.Serialize(procedure),
            [DossierFields.Status] = JsonSerializer.Serialize(status),
            [DossierFields.CreatedAt] = JsonSerializer.Serialize(now.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (cccd is not null)
        {
            values["form.mother.id_number"] = JsonSerializer.Serialize(cccd);
        }

        if (extra is { } field)
        {
            values[field.Key] = JsonSerializer.Serialize(field.Value);
        }

        await _store.WriteAsync(id, RecordTypes.Dossier, "03006", values);
        _time.Advance(TimeSpan.FromMilliseconds(10));
        return id;
    }
}
