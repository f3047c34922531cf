namespace OneStop.Hardware.Linux.Interop;

/// <summary>termios speed_t codes from asm-generic/termbits.h (x86 and ARM share them).</summary>
internal static class SerialNative
{
    /// <summary>glibc's struct termios is 60 bytes on x86_64 and arm64; the buffer is larger so a bigger libc cannot overrun it.</summary>
    public const int TermiosBufferSize = 256;

    public static uint SpeedCode(int baudRate) => baudRate switch
    {
        1200 => 0x9,
        2400 => 0xB,
        4800 => 0xC,
        9600 => 0xD,
        19200 => 0xE,
        38400 => 0xF,
        57600 => 0x1001,
        115200 => 0x1002,
        230400 => 0x1003,
        460800 => 0x1004,
        921600 => 0x1007,
        _ => throw new ArgumentOutOfRangeException(nameof(baudRate), baudRate, "Unsupported baud rate."),
    };
}
