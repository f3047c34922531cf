using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using OneStop.Core.Calendar;
using OneStop.Core.Changes;
using OneStop.Core.Payments;
using OneStop.Core.Reference;
using OneStop.Hub.Store;
using OneStop.HubConsole.Ports;

namespace OneStop.Hub.AdminConsole;

/// <summary>
/// The reference-data page's door: holiday years (global records every node pulls), commune bank accounts (records in
/// the commune's scope, so only its nodes pull them) and the read-only 2025 commune list shipped with the hub.
/// </summary>
public sealed partial class ConsoleReferenceData(HubStore store, ConsoleAuditLog audit) : IConsoleReferenceData
{
    private const string Forbidden = "catalogue.error.forbidden";

    private readonly Lazy<IReadOnlyList<Commune>> _communes = new(LoadCommunes);

    public IReadOnlyList<Commune> Communes => _communes.Value;

    public async Task<IReadOnlyList<HolidayYearView>> ListHolidayYearsAsync(CancellationToken cancellationToken)
    {
        var published = await HubHolidayCalendar.PublishedYearsAsync(store, cancellationToken);
        var years = PublishedHolidays.YearsInForce(VietnamPublicHolidays.DefaultYears, published);
        return [.. years.Select(y => new HolidayYearView(y, published.Any(p => p.Year == y.Year)))];
    }

    public async Task<ConsoleResult> PublishHolidayYearAsync(ClaimsPrincipal actor, HolidayYear year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(year);
        if (ConsoleWrites.RefuseUnlessAdmin(actor, Forbidden) is { } refused)
        {
            return refused;
        }

        DateOnly[] days = [.. year.LunarNewYearDaysOff, year.HungKingsDay, year.NationalDayAdjacentDay, .. year.ExtraDaysOff, .. year.MakeUpWorkingDays];
        if (year.LunarNewYearDaysOff.Count == 0 || days.Any(d => d.Year != year.Year))
        {
            return ConsoleResult.Refused("holidays.error.year");
        }

        await store.WriteAsHubAsync(HolidayYearRecords.RecordId(year.Year), RecordTypes.HolidayYear, Scopes.Global, HolidayYearRecords.ToValues(year), cancellationToken);
        var detail = string.Join(", ", VietnamPublicHolidays.DaysOff([year]).Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        await audit.AppendAsync(ConsoleWrites.Actor(actor), "reference.holidays", year.Year.ToString(CultureInfo.InvariantCulture), detail, cancellationToken);
        return ConsoleResult.Ok;
    }

    public async Task<IReadOnlyList<CommuneBankAccount>> ListBankAccountsAsync(CancellationToken cancellationToken)
    {
        var records = await store.ListAsync(RecordTypes.CommuneBankAccount, null, 100_000, cancellationToken);
        return [.. records.Select(r =>
        {
            using var document = JsonDocument.Parse(r.DataJson);
            var data = document.RootElement;
            return new CommuneBankAccount(r.Scope, ConsoleWrites.Text(data, CommuneBankAccountRecords.BankBin),
                ConsoleWrites.Text(data, CommuneBankAccountRecords.AccountNumber), ConsoleWrites.Text(data, CommuneBankAccountRecords.AccountName));
        }).OrderBy(a => a.CommuneCode, StringComparer.Ordinal)];
    }

    public async Task<ConsoleResult> SetBankAccountAsync(ClaimsPrincipal actor, CommuneBankAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (ConsoleWrites.RefuseUnlessAdmin(actor, Forbidden) is { } refused)
        {
            return refused;
        }

        var why = Communes.All(c => c.Code != account.CommuneCode) ? "banks.error.commune"
            : !BinPattern().IsMatch(account.BankBin) ? "banks.error.bin"
            : !AccountPattern().IsMatch(account.AccountNumber) ? "banks.error.number"
            : string.IsNullOrWhiteSpace(account.AccountName) ? "banks.error.name"
            : null;
        if (why is not null)
        {
            return ConsoleResult.Refused(why);
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [CommuneBankAccountRecords.BankBin] = JsonSerializer.Serialize(account.BankBin),
            [CommuneBankAccountRecords.AccountNumber] = JsonSerializer.Serialize(account.AccountNumber),
            [CommuneBankAccountRecords.AccountName] = JsonSerializer.Serialize(account.AccountName),
        };
        await store.WriteAsHubAsync(CommuneBankAccountRecords.RecordId(account.CommuneCode), RecordTypes.CommuneBankAccount, account.CommuneCode, values, cancellationToken);
        await audit.AppendAsync(ConsoleWrites.Actor(actor), "reference.bank", account.CommuneCode, $"{account.BankBin} {account.AccountNumber} {account.AccountName}", cancellationToken);
        return ConsoleResult.Ok;
    }

    // Shipped beside procedures.json in the hub's output (core/data); a hub without it shows an empty list.
    private static IReadOnlyList<Commune> LoadCommunes()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "communes.json");
        return File.Exists(path) ? CommuneList.Parse(File.ReadAllText(path)) : [];
    }

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex BinPattern();

    [GeneratedRegex("^[0-9]{6,19}$")]
    private static partial Regex AccountPattern();
}
