namespace OneStop.Core.Payments;

/// <summary>A decoded payload: every root data object in order, and the VietQR fields when tag 38 is the NAPAS template.</summary>
public sealed record VietQrPayload(
    IReadOnlyList<TlvField> Fields,
    string? BankBin,
    string? AccountNumber,
    string? ServiceCode,
    long? AmountVnd,
    string? Purpose,
    string? Currency,
    string? Country);

public sealed record VietQrParseResult(VietQrPayload? Payload, string? ErrorCode)
{
    public bool IsValid => ErrorCode is null;
}
