namespace OneStop.Hardware.Linux.Interop;

/// <summary>
/// ioctl request numbers built with the kernel's generic <c>_IOC</c> encoding (x86, ARM and arm64 share it),
/// so each number is derived from its struct size instead of copied; tests pin them to the values computed from the headers.
/// </summary>
internal static class Ioctl
{
    private const int NrShift = 0;
    private const int TypeShift = 8;
    private const int SizeShift = 16;
    private const int DirShift = 30;
    private const uint DirWrite = 1;

    public static uint Encode(uint direction, char type, uint number, int size) =>
        (direction << DirShift) | ((uint)size << SizeShift) | ((uint)type << TypeShift) | (number << NrShift);

    public static uint Write(char type, uint number, int size) => Encode(DirWrite, type, number, size);
}
