namespace OneStop.Hardware.CardReader.Icao;

/// <summary>ISO 7816-4 status words this reader tells apart.</summary>
public static class StatusWords
{
    public const ushort Success = 0x9000;
    public const ushort AuthenticationFailed = 0x6300;
    public const ushort WrongLength = 0x6700;
    public const ushort SecurityStatusNotSatisfied = 0x6982;
    public const ushort ConditionsNotSatisfied = 0x6985;
    public const ushort SecureMessagingObjectsMissing = 0x6987;
    public const ushort SecureMessagingObjectsIncorrect = 0x6988;
    public const ushort FileNotFound = 0x6A82;
    public const ushort WrongParameters = 0x6B00;
    public const ushort InstructionNotSupported = 0x6D00;
}
