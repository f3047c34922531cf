namespace OneStop.Hardware.Scanner;

/// <summary>Turns raw bytes from a scanner link into complete codes; keeps partial input between calls.</summary>
public interface IScanDecoder
{
    IReadOnlyList<string> Feed(ReadOnlySpan<byte> bytes);
}
