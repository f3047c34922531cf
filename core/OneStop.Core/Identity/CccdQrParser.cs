using System.Globalization;
using System.Text;

namespace OneStop.Core.Identity;

public static class CccdQrErrorCodes
{
    public const string Empty = "cccd_qr.empty";
    public const string TooFewFields = "cccd_qr.too_few_fields";
    public const string BadIdNumber = "cccd_qr.bad_id_number";
    public const string BadDate = "cccd_qr.bad_date";
    public const string BadSex = "cccd_qr.bad_sex";
}

/// <summary>
/// Parses the chip-card QR text "id|old CMND|full name|ddMMyyyy|Nam or Nữ|address|ddMMyyyy issue date".
/// Scanners in keyboard-wedge mode add a trailing newline and some cards append fields, so both are tolerated.
/// </summary>
public static class CccdQrParser
{
    private const int MinimumFields = 7;

    public static bool TryParse(string? text, out CccdQrData? data, out ValidationMessage? error)
    {
        data = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = new(CccdQrErrorCodes.Empty, "Mã QR trống", "The QR code is empty");
            return false;
        }

        // Normalise to NFC: some scanners emit decomposed Vietnamese, which would not compare equal to typed text.
        var fields = text.Trim().TrimStart('\uFEFF').Normalize(NormalizationForm.FormC).Split('|');
        if (fields.Length < MinimumFields)
        {
            error = new(CccdQrErrorCodes.TooFewFields, "Mã QR không phải mã trên thẻ CCCD", "The QR code is not a personal ID card code");
            return false;
        }

        var id = fields[0].Trim();
        if (!CccdNumber.TryParse(id, out _))
        {
            error = new(CccdQrErrorCodes.BadIdNumber, "Số CCCD trong mã QR không hợp lệ", "The ID number in the QR code is not valid");
            return false;
        }

        if (!TryDate(fields[3], out var birth) || !TryDate(fields[6], out var issued))
        {
            error = new(CccdQrErrorCodes.BadDate, "Ngày trong mã QR không đúng dạng ngàythángnăm", "A date in the QR code is not in ddMMyyyy form");
            return false;
        }

        if (!SexCodes.TryParse(fields[4], out var sex))
        {
            error = new(CccdQrErrorCodes.BadSex, "Giới tính trong mã QR không đọc được", "The sex in the QR code is not readable");
            return false;
        }

        var old = fields[1].Trim();
        data = new CccdQrData(id, old.Length == 0 ? null : old, fields[2].Trim(), birth, sex, fields[5].Trim(), issued);
        return true;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
