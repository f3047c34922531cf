using System.Globalization;

namespace OneStop.Core.Payments;

/// <summary>Reads a VietQR payload back (to check a generated slip or a scanned code) and verifies its CRC.</summary>
public static class VietQrParser
{
    public static VietQrParseResult Parse(string? text)
    {
        var payload = text?.Trim() ?? string.Empty;
        if (!EmvTlv.TryDecode(payload, out var fields) || fields.Count == 0)
        {
            return new(null, VietQrErrorCodes.Malformed);
        }

        // The CRC must be the last object, so its value sits in the last four characters.
        if (fields[^1].Tag != VietQr.TagCrc || fields[^1].Value.Length != 4)
        {
            return new(null, VietQrErrorCodes.MissingCrc);
        }

        var expected = Crc16CcittFalse.ToHex(Crc16CcittFalse.Compute(payload[..^4]));
        if (!string.Equals(expected, fields[^1].Value, StringComparison.OrdinalIgnoreCase))
        {
            return new(null, VietQrErrorCodes.CrcMismatch);
        }

        var root = fields.GroupBy(f => f.Tag).ToDictionary(g => g.Key, g => g.First().Value);
        string? bin = null, account = null, service = null;
        if (root.TryGetValue(VietQr.TagNapasAccount, out var napasText))
        {
            if (!EmvTlv.TryDecode(napasText, out var napas) || Value(napas, "00") != VietQr.NapasGuid)
            {
                return new(null, VietQrErrorCodes.NotNapas);
            }

            service = Value(napas, "02");
            if (Value(napas, "01") is { } bankText && EmvTlv.TryDecode(bankText, out var bank))
            {
                bin = Value(bank, "00");
                account = Value(bank, "01");
            }
        }

        string? purpose = null;
        if (root.TryGetValue(VietQr.TagAdditionalData, out var additional) && EmvTlv.TryDecode(additional, out var extra))
        {
            purpose = Value(extra, VietQr.TagPurpose);
        }

        long? amount = root.TryGetValue(VietQr.TagAmount, out var amountText)
            && decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
            ? (long)parsed
            : null;

        return new(
            new VietQrPayload(fields, bin, account, service, amount, purpose, root.GetValueOrDefault(VietQr.TagCurrency), root.GetValueOrDefault(VietQr.TagCountry)),
            null);
    }

    private static string? Value(IReadOnlyList<TlvField> fields, string tag) => fields.FirstOrDefault(f => f.Tag == tag)?.Value;
}
