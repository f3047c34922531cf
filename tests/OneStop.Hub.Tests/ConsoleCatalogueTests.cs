using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Calendar;
using OneStop.Core.Catalogue;
using OneStop.Core.Changes;
using OneStop.Core.Fees;
using OneStop.Core.Payments;
using OneStop.Hub.AdminConsole;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.HubConsole.Ports;
using OneStop.HubConsole.Security;
using OneStop.Storage;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests;

/// <summary>The catalogue and reference-data adapters against the real hub composition and store.</summary>
public sealed class ConsoleCatalogueTests : IAsyncLifetime
{
    private const string LateBirth = "hotich.khaisinh_quahan";
    private static readonly ClaimsPrincipal Admin = Principal("qt.tinh", ConsoleRoles.Admin);
    private static readonly ClaimsPrincipal Viewer = Principal("xem.tinh", ConsoleRoles.Viewer);

    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task PublishFees_ByAdmin_RecordCarriesVersionAndQuoteFollowsReceiptDateAndAudited()
    {
        var catalogue = _hub.Services.GetRequiredService<IConsoleCatalogue>();
        var effective = Today().AddDays(30);

        var result = await catalogue.PublishFeesAsync(Admin, LateBirth, effective, new Dictionary<string, long> { ["late"] = 10000 }, default);

        Assert.True(result.Succeeded, result.ErrorKey);
        // What a node pulls: the record itself, read by the node's parser and priced by the node's calculator.
        var procedure = await StoredProcedureAsync(LateBirth);
        Assert.Equal(8000, FeeCalculator.Quote(procedure, new FeeRequest(effective.AddDays(-1))).TotalVnd);
        Assert.Equal(10000, FeeCalculator.Quote(procedure, new FeeRequest(effective)).TotalVnd);
        var audit = await _hub.Services.GetRequiredService<IConsoleAudit>().ListAsync(10, default);
        Assert.Contains(audit, e => e.Action == "catalogue.fees" && e.Actor == "qt.tinh" && e.Target == LateBirth);
    }

    [Fact]
    public async Task PublishFees_DateBeforeTodayOrViewerOrUnknownLine_RefusedAndNothingWritten()
    {
        var catalogue = _hub.Services.GetRequiredService<IConsoleCatalogue>();
        var amounts = new Dictionary<string, long> { ["late"] = 10000 };

        Assert.Equal("catalogue.error.past", (await catalogue.PublishFeesAsync(Admin, LateBirth, Today().AddDays(-1), amounts, default)).ErrorKey);
        Assert.Equal("catalogue.error.forbidden", (await catalogue.PublishFeesAsync(Viewer, LateBirth, Today().AddDays(5), amounts, default)).ErrorKey);
        Assert.Equal("catalogue.error.nofee", (await catalogue.PublishFeesAsync(Admin, LateBirth, Today().AddDays(5), new Dictionary<string, long> { ["on_time"] = 1 }, default)).ErrorKey);
        Assert.Empty((await StoredProcedureAsync(LateBirth)).FeeVersions);
    }

    [Fact]
    public async Task SaveAndRetire_NewProcedure_ListedWithProcessingTimeThenRetiredFromDate()
    {
        var catalogue = _hub.Services.GetRequiredService<IConsoleCatalogue>();
        var draft = new ProcedureDraft("thu.nghiem", "Thủ tục thử", "Trial", "Thử", string.Empty, 4, false);

        Assert.True((await catalogue.SaveAsync(Admin, draft, isNew: true, default)).Succeeded);
        Assert.Equal("catalogue.error.exists", (await catalogue.SaveAsync(Admin, draft, isNew: true, default)).ErrorKey);
        Assert.True((await catalogue.RetireAsync(Admin, "thu.nghiem", Today().AddDays(10), default)).Succeeded);

        var listed = (await catalogue.ListAsync(default)).Single(p => p.Code == "thu.nghiem");
        Assert.Equal(4, listed.WorkingDays);
        Assert.False(listed.IsRetiredOn(Today().AddDays(9)));
        Assert.True(listed.IsRetiredOn(Today().AddDays(10)));
    }

    [Fact]
    public async Task PublishHolidayYear_ByAdmin_GlobalRecordThatTheHubCalendarUses()
    {
        var reference = _hub.Services.GetRequiredService<IConsoleReferenceData>();
        var builtIn = VietnamPublicHolidays.DefaultYears.Single(y => y.Year == 2027);
        var dayOff = new DateOnly(2027, 6, 10);

        Assert.True(WorkingDayCalendar.Default.IsWorkingDay(dayOff));
        Assert.True((await reference.PublishHolidayYearAsync(Admin, builtIn with { ExtraDaysOff = [dayOff] }, default)).Succeeded);
        Assert.Equal("holidays.error.year", (await reference.PublishHolidayYearAsync(Admin, builtIn with { ExtraDaysOff = [new(2028, 1, 3)] }, default)).ErrorKey);

        var record = await _hub.Store.GetAsync(HolidayYearRecords.RecordId(2027));
        Assert.NotNull(record);
        Assert.Equal(Scopes.Global, record.Scope);
        Assert.False((await HubHolidayCalendar.CurrentAsync(_hub.Store, default)).IsWorkingDay(dayOff));
        Assert.True((await reference.ListHolidayYearsAsync(default)).Single(y => y.Year.Year == 2027).Published);
    }

    [Fact]
    public async Task SetBankAccount_ValidForCommune_RecordInThatCommuneScope_BadBinRefused()
    {
        var reference = _hub.Services.GetRequiredService<IConsoleReferenceData>();
        var commune = reference.Communes[0].Code;

        Assert.Equal("banks.error.bin", (await reference.SetBankAccountAsync(Admin, new CommuneBankAccount(commune, "97043", "0123456789", "UBND XA"), default)).ErrorKey);
        Assert.True((await reference.SetBankAccountAsync(Admin, new CommuneBankAccount(commune, "970436", "0123456789", "UBND XA"), default)).Succeeded);

        var record = await _hub.Store.GetAsync(CommuneBankAccountRecords.RecordId(commune));
        Assert.NotNull(record);
        Assert.Equal((RecordTypes.CommuneBankAccount, commune), (record.Type, record.Scope));
        Assert.Equal("970436", Assert.Single(await reference.ListBankAccountsAsync(default)).BankBin);
    }

    [Fact]
    public async Task PublishForm_ByAdmin_NewVersionOldOneKeptAndAuditedSameAgainOrBrokenOrViewerRefused()
    {
        var catalogue = _hub.Services.GetRequiredService<IConsoleCatalogue>();
        var before = await StoredProcedureAsync(LateBirth);
        const string Form = """[{"key":"reason","label_vi":"Lý do","label_en":"Reason","type":"text","required":true}]""";

        var published = await catalogue.PublishFormAsync(Admin, LateBirth, Form, default);
        var again = await catalogue.PublishFormAsync(Admin, LateBirth, Form, default);
        var broken = await catalogue.PublishFormAsync(Admin, LateBirth, """[{"key":"a","type":"colour"}]""", default);
        var viewer = await catalogue.PublishFormAsync(Viewer, LateBirth, """[{"key":"b","type":"text"}]""", default);

        Assert.True(published.Succeeded, published.ErrorKey);
        Assert.Equal(["formschema.error.same", "formschema.error.unknown_type", "catalogue.error.forbidden"], new[] { again, broken, viewer }.Select(r => r.ErrorKey));
        var after = await StoredProcedureAsync(LateBirth);
        Assert.Equal(2, after.FormVersion);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(before.FormJson).RootElement, JsonDocument.Parse(Assert.Single(after.FormHistory).FormJson).RootElement));
        var audit = await _hub.Services.GetRequiredService<IConsoleAudit>().ListAsync(10, default);
        Assert.Single(audit, e => e.Action == "catalogue.form" && e.Actor == "qt.tinh" && e.Target == LateBirth);
    }

    private async Task<Procedure> StoredProcedureAsync(string code)
    {
        var record = await _hub.Store.GetAsync(CatalogueRecords.RecordId(code));
        Assert.NotNull(record);
        using var document = JsonDocument.Parse(RecordData.Of(record).DataJson);
        return ProcedureCatalogueParser.ParseOne(document.RootElement);
    }

    private DateOnly Today() => HubConsole.ConsoleToday.Of(_hub.Services.GetRequiredService<TimeProvider>());

    private static ClaimsPrincipal Principal(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));
}
