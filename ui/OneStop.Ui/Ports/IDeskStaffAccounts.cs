namespace OneStop.Ui.Ports;

/// <summary>
/// The commune's accounts, for its commune admin: written as staff_account records that sync to the province, and
/// checked at this node's sign-in at once, offline. The host's adapter refuses anyone but a commune admin.
/// </summary>
public interface IDeskStaffAccounts
{
    Task<IReadOnlyList<DeskStaffAccount>> ListAsync(CancellationToken cancellationToken = default);

    /// <returns>Null when made; else the localisation key of what is wrong.</returns>
    Task<string?> CreateAsync(string userName, string displayName, string role, string password, CancellationToken cancellationToken = default);

    /// <returns>Null when changed; else the localisation key of what is wrong.</returns>
    Task<string?> ResetPasswordAsync(string userName, string newPassword, CancellationToken cancellationToken = default);

    /// <returns>Null when changed; else the localisation key of what is wrong.</returns>
    Task<string?> SetDisabledAsync(string userName, bool disabled, CancellationToken cancellationToken = default);
}

public sealed record DeskStaffAccount(string UserName, string DisplayName, string Role, bool Disabled);
