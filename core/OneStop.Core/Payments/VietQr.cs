using System.Globalization;
using OneStop.Core.Text;

namespace OneStop.Core.Payments;

/// <summary>
/// Builds VietQR payloads: an EMVCo merchant-presented QR whose merchant account information (tag 38) is the NAPAS
/// template (GUID A000000727, bank BIN + account, service code), currency 704, country VN and CRC-16/CCITT-FALSE in tag 63.
/// </summary>
public static class VietQr
{
    public const string NapasGuid = "A000000727";
    public const string ServiceToAccount = "QRIBFTTA";
    public const string ServiceToCard = "QRIBFTTC";
    public const string CurrencyVnd = "704";
    public const string CountryVietnam = "VN";

    // Tags of the root and of the templates, named as the EMVCo MPM specification names them.
    internal const string TagPayloadFormat = "00";
    internal const string TagInitiationMethod = "01";
    internal const string TagNapasAccount = "38";
    internal const string TagCurrency = "53";
    internal const string TagAmount = "54";
    internal const string TagCountry = "58";
    internal const string TagAdditionalData = "62";
    internal const string TagCrc = "63";
    internal const string TagPurpose = "08";

    /// <summary>"11": static code reusable for any amount; "12": dynamic code for one payment with its amount.</summary>
    internal const string StaticInitiation = "11";
    internal const string DynamicInitiation = "12";

    public static string Build(VietQrRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.BankBin.Length != 6 || !request.BankBin.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("The bank BIN must be 6 digits.", nameof(request));
        }

        if (request.AccountNumber.Length is 0 or > 19 || !request.AccountNumber.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("The account number must be 1–19 letters or digits.", nameof(request));
        }

        if (request.AmountVnd is <= 0)
        {
            throw new ArgumentException("The amount must be positive when given.", nameof(request));
        }

        var bank = EmvTlv.Encode("00", request.BankBin) + EmvTlv.Encode("01", request.AccountNumber);
        var napas = EmvTlv.Encode("00", NapasGuid) + EmvTlv.Encode("01", bank) + EmvTlv.Encode("02", request.ServiceCode);
        var fields = new List<TlvField>
        {
            new(TagPayloadFormat, "01"),
            new(TagInitiationMethod, request.AmountVnd is null ? StaticInitiation : DynamicInitiation),
            new(TagNapasAccount, napas),
            new(TagCurrency, CurrencyVnd),
        };
        if (request.AmountVnd is long amount)
        {
            fields.Add(new(TagAmount, amount.ToString(CultureInfo.InvariantCulture)));
        }

        fields.Add(new(TagCountry, CountryVietnam));
        var purpose = VietnameseFolding.ToAscii(request.Purpose);
        if (purpose.Length > 0)
        {
            fields.Add(new(TagAdditionalData, EmvTlv.Encode(TagPurpose, purpose)));
        }

        return AppendCrc(EmvTlv.Encode(fields));
    }

    /// <summary>Appends tag 63: the CRC covers everything before it including "6304" itself.</summary>
    public static string AppendCrc(string payloadWithoutCrc)
    {
        var withHeader = payloadWithoutCrc + TagCrc + "04";
        return withHeader + Crc16CcittFalse.ToHex(Crc16CcittFalse.Compute(withHeader));
    }
}
