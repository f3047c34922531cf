using System.Security.Claims;
using OneStop.Core.Calendar;
using OneStop.Core.Reference;

namespace OneStop.HubConsole.Ports;

/// <summary>Reference data the province publishes to every node: holiday years, commune bank accounts, the commune list.</summary>
public interface IConsoleReferenceData
{
    /// <summary>Each year as nodes that received everything use it: published, or the built-in table.</summary>
    Task<IReadOnlyList<HolidayYearView>> ListHolidayYearsAsync(CancellationToken cancellationToken);

    Task<ConsoleResult> PublishHolidayYearAsync(ClaimsPrincipal actor, HolidayYear year, CancellationToken cancellationToken);

    Task<IReadOnlyList<CommuneBankAccount>> ListBankAccountsAsync(CancellationToken cancellationToken);

    Task<ConsoleResult> SetBankAccountAsync(ClaimsPrincipal actor, CommuneBankAccount account, CancellationToken cancellationToken);

    /// <summary>The 2025 commune list (read-only).</summary>
    IReadOnlyList<Commune> Communes { get; }
}

public sealed record HolidayYearView(HolidayYear Year, bool Published);

public sealed record CommuneBankAccount(string CommuneCode, string BankBin, string AccountNumber, string AccountName);
