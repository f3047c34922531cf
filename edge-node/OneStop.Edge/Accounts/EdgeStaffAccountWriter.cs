using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneStop.Core.Accounts;
using OneStop.Core.Changes;
using OneStop.Edge.Store;

namespace OneStop.Edge.Accounts;

/// <summary>Why a change to an account at the node was refused.</summary>
public enum EdgeAccountRefusal
{
    UserName,
    Role,
    Exists,
    Missing,
    PasswordTooShort,
    PasswordCommon,
    DisplayName,
}

/// <summary>
/// Writes this commune's accounts as staff_account records through the store's one write path, by the same rules as
/// the hub's writer (<see cref="StaffAccountRules"/>, <see cref="PasswordRules"/>): the same record id, the same field
/// names and the same hash format, so the province sees them and either side can change them. Every write names
/// the user, which the hub's push check requires. Sign-in at this node reads the record at once, offline.
/// </summary>
public sealed class EdgeStaffAccountWriter(EdgeStore store, IOptions<EdgeOptions> options)
{
    private string Commune => options.Value.CommuneCode;

    public async Task<IReadOnlyList<(string UserName, string DisplayName, string Role, bool Disabled)>> ListAsync(CancellationToken cancellationToken)
    {
        var accounts = new List<(string, string, string, bool)>();
        foreach (var record in await store.ListAsync(RecordTypes.StaffAccount, 10_000, cancellationToken))
        {
            using var document = JsonDocument.Parse(record.DataJson);
            var root = document.RootElement;
            if (record.Scope == Commune && Text(root, StaffAccountFields.UserName) is { } name)
            {
                accounts.Add((name, Text(root, StaffAccountFields.DisplayName) ?? name, Text(root, StaffAccountFields.Role) ?? string.Empty,
                    root.TryGetProperty(StaffAccountFields.Disabled, out var disabled) && disabled.ValueKind == JsonValueKind.True));
            }
        }

        return [.. accounts.OrderBy(a => a.Item1, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<bool> ExistsAsync(string userName, CancellationToken cancellationToken) =>
        StaffAccountRules.IsUserName(userName) && await store.GetAsync(StaffAccountFields.RecordId(Commune, userName), cancellationToken) is not null;

    public async Task<EdgeAccountRefusal?> CreateAsync(string userName, string displayName, string role, string password, CancellationToken cancellationToken)
    {
        if (!StaffAccountRules.IsUserName(userName))
        {
            return EdgeAccountRefusal.UserName;
        }

        if (string.IsNullOrWhiteSpace(displayName))
        {
            return EdgeAccountRefusal.DisplayName;
        }

        if (!StaffAccountFields.Roles.Contains(role))
        {
            return EdgeAccountRefusal.Role;
        }

        if (await ExistsAsync(userName, cancellationToken))
        {
            return EdgeAccountRefusal.Exists;
        }

        return Weak(password, userName) ?? await WriteAsync(userName, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [StaffAccountFields.DisplayName] = JsonSerializer.Serialize(displayName.Trim()),
            [StaffAccountFields.Role] = JsonSerializer.Serialize(role),
            [StaffAccountFields.PasswordHash] = JsonSerializer.Serialize(Hash(userName, password)),
            [StaffAccountFields.Disabled] = "false",
        }, cancellationToken);
    }

    /// <summary>Sets the password of an account, making it (as a commune admin) when <paramref name="createAs"/> names a role.</summary>
    public async Task<EdgeAccountRefusal?> SetPasswordAsync(string userName, string password, CancellationToken cancellationToken, string? createAs = null)
    {
        if (!StaffAccountRules.IsUserName(userName))
        {
            return EdgeAccountRefusal.UserName;
        }

        var exists = await ExistsAsync(userName, cancellationToken);
        if (!exists && createAs is null)
        {
            return EdgeAccountRefusal.Missing;
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal) { [StaffAccountFields.PasswordHash] = JsonSerializer.Serialize(Hash(userName, password)) };
        if (!exists)
        {
            values[StaffAccountFields.Role] = JsonSerializer.Serialize(createAs);
            values[StaffAccountFields.DisplayName] = JsonSerializer.Serialize(userName);
            values[StaffAccountFields.Disabled] = "false";
        }

        return Weak(password, userName) ?? await WriteAsync(userName, values, cancellationToken);
    }

    public async Task<EdgeAccountRefusal?> SetDisabledAsync(string userName, bool disabled, CancellationToken cancellationToken) =>
        await ExistsAsync(userName, cancellationToken)
            ? await WriteAsync(userName, new Dictionary<string, string?>(StringComparer.Ordinal) { [StaffAccountFields.Disabled] = disabled ? "true" : "false" }, cancellationToken)
            : EdgeAccountRefusal.Missing;

    private async Task<EdgeAccountRefusal?> WriteAsync(string userName, Dictionary<string, string?> values, CancellationToken cancellationToken)
    {
        // Every entry names the user: the hub checks the record id against it before taking the push.
        values[StaffAccountFields.UserName] = JsonSerializer.Serialize(userName);
        await store.WriteNamingAsync(StaffAccountFields.RecordId(Commune, userName), RecordTypes.StaffAccount, Commune, values, StaffAccountFields.UserName, cancellationToken);
        return null;
    }

    private static EdgeAccountRefusal? Weak(string password, string userName) => PasswordRules.Check(password, userName) switch
    {
        null => null,
        PasswordRefusal.TooShort => EdgeAccountRefusal.PasswordTooShort,
        _ => EdgeAccountRefusal.PasswordCommon,
    };

    private static string Hash(string userName, string password) => new PasswordHasher<string>().HashPassword(userName, password);

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
