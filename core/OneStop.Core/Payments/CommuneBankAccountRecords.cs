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

    /// <summary>
    /// The account a commune's record holds now (its current fields are the version in force: a later publication
    /// supersedes the fields of an earlier one); null when there is no record, it is another commune's, or it lacks the
    /// six-digit BIN or the account number a VietQR needs, so the node falls back to its own setting.
    /// </summary>
    public static PublishedBankAccount? Read(StoredRecord? record, string communeCode)
    {
        if (record is null || record.Type != RecordTypes.CommuneBankAccount || record.Scope != communeCode)
        {
            return null;
        }

        var bin = Text(record, BankBin);
        var account = Text(record, AccountNumber);
        return bin is { Length: 6 } && bin.All(char.IsAsciiDigit) && !string.IsNullOrEmpty(account)
            ? new PublishedBankAccount(bin, account, Text(record, AccountName) ?? string.Empty)
            : null;
    }

    private static string? Text(StoredRecord record, string field)
    {
        if (record.GetJson(field) is not { } json)
        {
            return null;
        }

        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.String ? document.RootElement.GetString()?.Trim() : null;
    }
}

/// <summary>A commune's bank account as the province published it.</summary>
public sealed record PublishedBankAccount(string BankBin, string AccountNumber, string AccountName);
