namespace OneStop.Hardware.CardReader;

/// <summary>
/// The three MRZ fields BAC keys come from. Dates are YYMMDD as printed in the MRZ. For a CCCD the document
/// number is the 9-character MRZ field, not the 12-digit ID (hardware notes: check against a real card).
/// </summary>
public sealed record BacKey(string DocumentNumber, string DateOfBirth, string DateOfExpiry);
