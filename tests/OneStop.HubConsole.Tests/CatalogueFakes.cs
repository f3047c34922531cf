using System.Security.Claims;
using OneStop.Core.Calendar;
using OneStop.Core.Catalogue;
using OneStop.Core.Forms;
using OneStop.Core.Reference;
using OneStop.HubConsole.Ports;
using OneStop.TestHosts;

namespace OneStop.HubConsole.Tests;

/// <summary>The real catalogue file behind the port; published fee versions are kept as the hub would add them.</summary>
internal sealed class FakeCatalogue : IConsoleCatalogue
{
    private static readonly string CatalogueText = File.ReadAllText(Path.Combine(RepoRoot.Path, "core", "data", "procedures.json"));

    public List<Procedure> Procedures { get; } = [.. ProcedureCatalogueParser.Parse(CatalogueText)];

    public SharedOptionLists OptionLists { get; } = SharedOptionLists.ParseCatalogue(CatalogueText);

    public List<(string Actor, string Code, DateOnly From, IReadOnlyDictionary<string, long> Amounts)> Published { get; } = [];

    public Task<IReadOnlyList<Procedure>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Procedure>>([.. Procedures]);

    public Task<ConsoleResult> SaveAsync(ClaimsPrincipal actor, ProcedureDraft draft, bool isNew, CancellationToken cancellationToken) =>
        Task.FromResult(ConsoleResult.Ok);

    public Task<ConsoleResult> RetireAsync(ClaimsPrincipal actor, string code, DateOnly from, CancellationToken cancellationToken) =>
        Task.FromResult(ConsoleResult.Ok);

    public Task<ConsoleResult> PublishFeesAsync(ClaimsPrincipal actor, string code, DateOnly effectiveFrom, IReadOnlyDictionary<string, long> amounts, CancellationToken cancellationToken)
    {
        Published.Add((actor.Identity?.Name ?? "?", code, effectiveFrom, amounts));
        var index = Procedures.FindIndex(p => p.Code == code);
        var procedure = Procedures[index];
        var fees = procedure.FeesOn(effectiveFrom).Select(f => amounts.TryGetValue(f.Key, out var a) ? f with { AmountVnd = a } : f).ToList();
        Procedures[index] = procedure with { FeeVersions = [.. procedure.FeeVersions, new FeeVersion(effectiveFrom, fees)] };
        return Task.FromResult(ConsoleResult.Ok);
    }

    public List<(string Actor, string Code, string FormJson)> PublishedForms { get; } = [];

    /// <summary>As the hub publishes: the schema in force moves to the history under its number.</summary>
    public Task<ConsoleResult> PublishFormAsync(ClaimsPrincipal actor, string code, string formJson, CancellationToken cancellationToken)
    {
        PublishedForms.Add((actor.Identity?.Name ?? "?", code, formJson));
        var index = Procedures.FindIndex(p => p.Code == code);
        var procedure = Procedures[index];
        Procedures[index] = procedure with
        {
            FormJson = formJson,
            FormVersion = procedure.FormVersion + 1,
            FormHistory = [.. procedure.FormHistory, new FormSchemaVersion(procedure.FormVersion, procedure.FormJson)],
        };
        return Task.FromResult(ConsoleResult.Ok);
    }
}

internal sealed class FakeReferenceData : IConsoleReferenceData
{
    public List<HolidayYear> Published { get; } = [];

    public List<CommuneBankAccount> Banks { get; } = [];

    public IReadOnlyList<Commune> Communes { get; } = [new("03006", "Xã Bản Lầu", "xã", "15", "Tỉnh Lào Cai", 3)];

    public Task<IReadOnlyList<HolidayYearView>> ListHolidayYearsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<HolidayYearView>>([.. PublishedHolidays.YearsInForce(VietnamPublicHolidays.DefaultYears, Published)
            .Select(y => new HolidayYearView(y, Published.Any(p => p.Year == y.Year)))]);

    public Task<ConsoleResult> PublishHolidayYearAsync(ClaimsPrincipal actor, HolidayYear year, CancellationToken cancellationToken)
    {
        Published.Add(year);
        return Task.FromResult(ConsoleResult.Ok);
    }

    public Task<IReadOnlyList<CommuneBankAccount>> ListBankAccountsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CommuneBankAccount>>([.. Banks]);

    public Task<ConsoleResult> SetBankAccountAsync(ClaimsPrincipal actor, CommuneBankAccount account, CancellationToken cancellationToken)
    {
        Banks.Add(account);
        return Task.FromResult(ConsoleResult.Ok);
    }
}

/// <summary>A clock stopped at one moment.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
