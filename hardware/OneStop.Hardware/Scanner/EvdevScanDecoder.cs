using System.Buffers.Binary;
using System.Text;

namespace OneStop.Hardware.Scanner;

/// <summary>
/// HID keyboard-wedge scanner read from evdev: <c>struct input_event</c> records (24 bytes on 64-bit: tv_sec,
/// tv_usec, u16 type, u16 code, s32 value). Key presses map through a US layout, Enter ends a code. A wedge
/// cannot send Vietnamese letters; use the CDC-ACM mode for the CCCD QR.
/// </summary>
public sealed class EvdevScanDecoder : IScanDecoder
{
    private const ushort EvKey = 1;
    private const int KeyLeftShift = 42;
    private const int KeyRightShift = 54;
    private const int KeyEnter = 28;
    private const int KeyPadEnter = 96;
    private const string Plain = "\0\0" + "1234567890-=\0\0" + "qwertyuiop[]\0\0" + "asdfghjkl;'`\0\\" + "zxcvbnm,./";
    private const string Shifted = "\0\0" + "!@#$%^&*()_+\0\0" + "QWERTYUIOP{}\0\0" + "ASDFGHJKL:\"~\0|" + "ZXCVBNM<>?";
    private readonly int _eventSize;
    private readonly List<byte> _partial = [];
    private readonly StringBuilder _code = new();
    private bool _shift;

    public EvdevScanDecoder(int eventSize = 24)
    {
        if (eventSize is not (16 or 24))
        {
            throw new ArgumentOutOfRangeException(nameof(eventSize), eventSize, "input_event is 16 (32-bit) or 24 (64-bit) bytes");
        }

        _eventSize = eventSize;
    }

    public IReadOnlyList<string> Feed(ReadOnlySpan<byte> bytes)
    {
        _partial.AddRange(bytes.ToArray());
        var codes = new List<string>();
        var offset = 0;
        var buffer = _partial.ToArray();
        for (; offset + _eventSize <= buffer.Length; offset += _eventSize)
        {
            var tail = buffer.AsSpan(offset + _eventSize - 8, 8);
            var type = BinaryPrimitives.ReadUInt16LittleEndian(tail);
            var code = BinaryPrimitives.ReadUInt16LittleEndian(tail[2..]);
            var value = BinaryPrimitives.ReadInt32LittleEndian(tail[4..]);
            if (type == EvKey && Handle(code, value) is { } complete)
            {
                codes.Add(complete);
            }
        }

        _partial.RemoveRange(0, offset);
        return codes;
    }

    private string? Handle(int code, int value)
    {
        if (code is KeyLeftShift or KeyRightShift)
        {
            _shift = value != 0;
            return null;
        }

        if (value != 1)
        {
            return null;
        }

        if (code is KeyEnter or KeyPadEnter)
        {
            var complete = _code.ToString();
            _code.Clear();
            return complete.Length > 0 ? complete : null;
        }

        var c = code == 57 ? ' ' : code < Plain.Length ? (_shift ? Shifted : Plain)[code] : '\0';
        if (c != '\0')
        {
            _code.Append(c);
        }

        return null;
    }
}
