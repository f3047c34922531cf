using OneStop.Core.Accounts;
using OneStop.Core.Nodes;
using OneStop.Ui.Ports;

namespace OneStop.Ui.Tests.Pages;

/// <summary>The node settings port over the real commune list and the real rules, recording what the pages save.</summary>
internal sealed class FakeNodeSettings : IDeskNodeSettings
{
    private static readonly Lazy<CommuneList> List = new(() =>
        CommuneList.ParseCommunesJson(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "communes.json"))));

    public Dictionary<string, string?> Stored { get; } = new(StringComparer.Ordinal) { [NodeConfigFields.CommuneCode] = "03006" };

    public List<(IReadOnlyDictionary<string, string?> Values, bool CompleteSetup, string? Password)> Saves { get; } = [];

    public bool Completed { get; set; }

    public CommuneList Communes => List.Value;

    public Task<DeskNodeSettings> ReadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new DeskNodeSettings(new Dictionary<string, string?>(Stored, StringComparer.Ordinal), Completed, "node-test", "03006", false, "http://192.168.1.20:5080"));

    public Task<IReadOnlyDictionary<string, string>> SaveAsync(IReadOnlyDictionary<string, string?> values, bool completeSetup, string? newAdminPassword, CancellationToken cancellationToken = default)
    {
        var errors = NodeConfigRules.Validate(values).ToDictionary(e => e.Key, e => "settings.error." + e.Value, StringComparer.Ordinal);
        if (completeSetup && PasswordRules.Check(newAdminPassword) is not null)
        {
            errors["admin_password"] = "accounts.error.short";
        }

        if (errors.Count == 0)
        {
            Saves.Add((new Dictionary<string, string?>(values, StringComparer.Ordinal), completeSetup, newAdminPassword));
            Completed |= completeSetup;
        }

        return Task.FromResult<IReadOnlyDictionary<string, string>>(errors);
    }
}

/// <summary>The accounts port in memory, with the real password rules.</summary>
internal sealed class FakeStaffAccounts : IDeskStaffAccounts
{
    public Dictionary<string, DeskStaffAccount> Accounts { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Calls { get; } = [];

    public Task<IReadOnlyList<DeskStaffAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DeskStaffAccount>>([.. Accounts.Values.OrderBy(a => a.UserName, StringComparer.Ordinal)]);

    public Task<string?> CreateAsync(string userName, string displayName, string role, string password, CancellationToken cancellationToken = default)
    {
        Calls.Add($"create {userName} {role}");
        if (PasswordRules.Check(password, userName) is { } weak)
        {
            return Task.FromResult<string?>(weak == PasswordRefusal.TooShort ? "accounts.error.short" : "accounts.error.common");
        }

        Accounts[userName] = new DeskStaffAccount(userName, displayName, role, false);
        return Task.FromResult<string?>(null);
    }

    public Task<string?> ResetPasswordAsync(string userName, string newPassword, CancellationToken cancellationToken = default)
    {
        Calls.Add($"reset {userName}");
        return Task.FromResult(PasswordRules.Check(newPassword, userName) is null ? null : "accounts.error.short");
    }

    public Task<string?> SetDisabledAsync(string userName, bool disabled, CancellationToken cancellationToken = default)
    {
        Calls.Add($"{(disabled ? "disable" : "enable")} {userName}");
        Accounts[userName] = Accounts[userName] with { Disabled = disabled };
        return Task.FromResult<string?>(null);
    }
}
