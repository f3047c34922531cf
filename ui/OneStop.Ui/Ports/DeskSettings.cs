namespace OneStop.Ui.Ports;

/// <summary>Node facts the screens print: the office's name and the account residents pay into.</summary>
/// <param name="OfficeNameVi">Office name on slips, in Vietnamese.</param>
/// <param name="OfficeNameEn">Office name in English.</param>
/// <param name="NodeId">This node's id, printed small on slips for support.</param>
/// <param name="Bank">Where bank transfers go; null when the node takes cash only.</param>
public sealed record DeskSettings(string OfficeNameVi, string OfficeNameEn, string NodeId, BankAccount? Bank)
{
    /// <summary>Where residents' phones reach the desk (the slip QR, status and feedback links); null: the address the browser used.</summary>
    public string? PublicAddress { get; init; }

    /// <summary>The absolute link to <paramref name="pathAndQuery"/> under <see cref="PublicAddress"/>, or under <paramref name="fallbackBase"/> when none is set.</summary>
    public string PublicLink(string pathAndQuery, string fallbackBase)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var baseText = string.IsNullOrWhiteSpace(PublicAddress) ? fallbackBase : PublicAddress;
        return baseText.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');
    }
    /// <summary>The commune's name as slips head it ("xã Sa Pa"); null until configured (Edge:Ui:CommuneName or the settings page).</summary>
    public string? CommuneName { get; init; }
}

/// <param name="BankBin">Six-digit NAPAS bank identification number.</param>
/// <param name="AccountNumber">Account number at that bank.</param>
/// <param name="AccountName">Account holder as the bank shows it.</param>
public sealed record BankAccount(string BankBin, string AccountNumber, string AccountName);
