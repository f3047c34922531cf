using System.Text;

namespace OneStop.Hardware.Scanner;

/// <summary>
/// CDC-ACM scanners send the code as UTF-8 followed by CR and/or LF (configurable on the scanner; both handled).
/// Bytes are collected until the terminator so a multi-byte Vietnamese letter split across reads stays intact.
/// </summary>
public sealed class SerialScanDecoder : IScanDecoder
{
    private const int MaxCodeBytes = 8192;
    private readonly List<byte> _pending = [];

    public IReadOnlyList<string> Feed(ReadOnlySpan<byte> bytes)
    {
        var codes = new List<string>();
        foreach (var b in bytes)
        {
            if (b is (byte)'\r' or (byte)'\n')
            {
                if (_pending.Count > 0)
                {
                    codes.Add(Encoding.UTF8.GetString([.. _pending]));
                    _pending.Clear();
                }
            }
            else if (_pending.Count < MaxCodeBytes)
            {
                _pending.Add(b);
            }
        }

        return codes;
    }
}
