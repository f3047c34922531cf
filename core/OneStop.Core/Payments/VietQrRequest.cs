namespace OneStop.Core.Payments;

/// <summary>What a VietQR transfer code needs: the receiving account (from the node's configuration), the amount and a purpose.</summary>
/// <param name="BankBin">6-digit NAPAS acquirer BIN of the receiving bank (e.g. 970436).</param>
/// <param name="AccountNumber">Receiving account number, up to 19 characters.</param>
/// <param name="AmountVnd">Amount in đồng; null for a code where the payer types the amount.</param>
/// <param name="Purpose">Transfer message, e.g. the dossier number; folded to ASCII because banking apps do not all show Vietnamese.</param>
public sealed record VietQrRequest(string BankBin, string AccountNumber, long? AmountVnd = null, string? Purpose = null)
{
    /// <summary>NAPAS service code: QRIBFTTA (transfer to account, the default) or QRIBFTTC (to card).</summary>
    public string ServiceCode { get; init; } = VietQr.ServiceToAccount;
}
