namespace OneStop.Ui.Ports;

/// <summary>Accounts that may sign in at this node: synced from the hub, plus the first local admin.</summary>
public interface IDeskAccounts
{
    /// <summary>The account when the password matches; null otherwise (unknown name and wrong password look the same).</summary>
    Task<DeskAccount?> VerifyAsync(string userName, string password, CancellationToken cancellationToken = default);
}

public sealed record DeskAccount(string UserName, string DisplayName, string Role);
