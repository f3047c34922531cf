namespace OneStop.Core.Payments;

public static class VietQrErrorCodes
{
    public const string Malformed = "vietqr.malformed";
    public const string MissingCrc = "vietqr.missing_crc";
    public const string CrcMismatch = "vietqr.crc_mismatch";
    public const string NotNapas = "vietqr.not_napas";
}
