using OneStop.Core.Changes;

namespace OneStop.Core.Payments;

/// <summary>
/// The bank account a commune's VietQR codes pay into, as the province publishes it: a
/// <see cref="RecordTypes.CommuneBankAccount"/> record in the commune's scope (only its nodes pull it), id from the code.
/// </summary>
public static class CommuneBankAccountRecords
{
    public const string BankBin = "bank_bin";
    public const string AccountNumber = "account_number";
    public const string AccountName = "account_name";

    public static Guid RecordId(string communeCode) => NameBasedIds.For("onestop:commune_bank_account:" + communeCode);
}
