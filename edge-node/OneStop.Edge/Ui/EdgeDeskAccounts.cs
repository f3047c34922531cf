using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneStop.Core.Changes;
using OneStop.Edge.Store;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Edge.Ui;

/// <summary>
/// Sign-in at the node, offline: staff accounts synced from the hub (records of type staff_account with
/// user_name, display_name, role, password_hash, disabled), then the local accounts of the configuration,
/// then the first local admin.
/// </summary>
public sealed class EdgeDeskAccounts(EdgeStore store, IOptions<EdgeUiOptions> options, InitialAdminPassword initialAdmin) : IDeskAccounts
{
    private readonly PasswordHasher<DeskAccount> _hasher = new();

    public async Task<DeskAccount?> VerifyAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var candidate = await FindAsync(userName, cancellationToken);
        if (candidate is null)
        {
            // Hash anyway so that an unknown name takes as long as a wrong password.
            _hasher.VerifyHashedPassword(new DeskAccount(userName, userName, DeskRoles.Volunteer), DummyHash.Value, password);
            return null;
        }

        var (account, hash) = candidate.Value;
        var verified = hash is null
            ? System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(password), System.Text.Encoding.UTF8.GetBytes(initialAdmin.Read()))
            : _hasher.VerifyHashedPassword(account, hash, password) != PasswordVerificationResult.Failed;
        return verified ? account : null;
    }

    /// <summary>The account and its hash; a null hash means the generated first admin password.</summary>
    private async Task<(DeskAccount Account, string? Hash)?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        foreach (var record in await store.ListAsync(RecordTypes.StaffAccount, 10_000, cancellationToken))
        {
            using var document = JsonDocument.Parse(record.DataJson);
            var root = document.RootElement;
            if (Text(root, "user_name") is { } name && string.Equals(name, userName, StringComparison.OrdinalIgnoreCase))
            {
                var role = Text(root, "role");
                var disabled = root.TryGetProperty("disabled", out var d) && d.ValueKind == JsonValueKind.True;
                return disabled || !DeskRoles.IsKnown(role) || Text(root, "password_hash") is not { } hash
                    ? null
                    : (new DeskAccount(name, Text(root, "display_name") ?? name, role!), hash);
            }
        }

        var settings = options.Value;
        foreach (var local in settings.Accounts)
        {
            if (string.Equals(local.UserName, userName, StringComparison.OrdinalIgnoreCase) && DeskRoles.IsKnown(local.Role))
            {
                return (new DeskAccount(local.UserName, local.DisplayName ?? local.UserName, local.Role), local.PasswordHash);
            }
        }

        if (string.Equals(settings.AdminUser, userName, StringComparison.OrdinalIgnoreCase))
        {
            var admin = new DeskAccount(settings.AdminUser, settings.AdminUser, DeskRoles.CommuneAdmin);
            return (admin, string.IsNullOrWhiteSpace(settings.AdminPasswordHash) ? null : settings.AdminPasswordHash);
        }

        return null;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<DeskAccount>().HashPassword(new DeskAccount("-", "-", DeskRoles.Volunteer), Guid.NewGuid().ToString()));
}
