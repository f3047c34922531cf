using System.Text.RegularExpressions;

namespace OneStop.Core.Nodes;

/// <summary>
/// Checks a node's settings as typed (plain text per <see cref="NodeConfigFields"/> name, blank = not set): the same
/// rules at the node's setup page and the province console. Returns one error code per bad field.
/// </summary>
public static partial class NodeConfigRules
{
    public const string ErrorCommuneCode = "commune_code";
    public const string ErrorAddress = "address";
    public const string ErrorBankBin = "bank_bin";
    public const string ErrorBankAccount = "bank_account";
    public const string ErrorBankIncomplete = "bank_incomplete";
    public const string ErrorPrinterProfile = "printer_profile";
    public const string ErrorSyncInterval = "sync_interval";
    public const string ErrorTooLong = "too_long";

    /// <summary>Shortest and longest sync interval: 1 s and one hour, the bounds the sync agent's own options take.</summary>
    public const int MinSyncIntervalSeconds = 1;

    public const int MaxSyncIntervalSeconds = 3600;

    /// <summary>Longest name or address: 200 characters.</summary>
    public const int MaxTextLength = 200;

    /// <returns>Field name → error code; empty when every field passes.</returns>
    public static IReadOnlyDictionary<string, string> Validate(IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Get(string name) => values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        foreach (var (name, value) in values)
        {
            if (value is { Length: > MaxTextLength })
            {
                errors[name] = ErrorTooLong;
            }
        }

        if (Get(NodeConfigFields.CommuneCode) is { } commune && !CommuneCode().IsMatch(commune))
        {
            errors[NodeConfigFields.CommuneCode] = ErrorCommuneCode;
        }

        foreach (var address in new[] { NodeConfigFields.PublicAddress, NodeConfigFields.HubAddress })
        {
            if (Get(address) is { } text && !IsWebAddress(text))
            {
                errors[address] = ErrorAddress;
            }
        }

        var bin = Get(NodeConfigFields.BankBin);
        var account = Get(NodeConfigFields.BankAccount);
        if (bin is not null && !BankBin().IsMatch(bin))
        {
            errors[NodeConfigFields.BankBin] = ErrorBankBin;
        }

        if (account is not null && !BankAccount().IsMatch(account))
        {
            errors[NodeConfigFields.BankAccount] = ErrorBankAccount;
        }

        // VietQR needs both; one alone would print a code no bank app accepts.
        if ((bin is null) != (account is null))
        {
            errors.TryAdd(bin is null ? NodeConfigFields.BankBin : NodeConfigFields.BankAccount, ErrorBankIncomplete);
        }

        if (Get(NodeConfigFields.PrinterProfile) is { } profile && !NodeConfigFields.PrinterProfiles.Contains(profile))
        {
            errors[NodeConfigFields.PrinterProfile] = ErrorPrinterProfile;
        }

        if (Get(NodeConfigFields.SyncIntervalSeconds) is { } interval
            && (!int.TryParse(interval, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                || seconds is < MinSyncIntervalSeconds or > MaxSyncIntervalSeconds))
        {
            errors[NodeConfigFields.SyncIntervalSeconds] = ErrorSyncInterval;
        }

        return errors;
    }

    /// <summary>An absolute http or https address with a host, nothing after the path (no query, no fragment).</summary>
    public static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
        && string.IsNullOrEmpty(uri.UserInfo);

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex CommuneCode();

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex BankBin();

    [GeneratedRegex(@"^[A-Za-z0-9]{1,19}$")]
    private static partial Regex BankAccount();
}
