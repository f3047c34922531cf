using OneStop.Hardware.Buses;

namespace OneStop.Hardware.Tests.Support;

public sealed class SimulatedGpioChip : IGpioChip
{
    public Dictionary<int, bool> Levels { get; } = [];

    public HashSet<int> Requested { get; } = [];

    public string Name => "gpiochip0";

    public string Label => "sim";

    public int LineCount => 54;

    public IGpioLine RequestOutput(int offset, bool initialValue, string consumer)
    {
        if (!Requested.Add(offset))
        {
            throw new IOException($"line {offset} busy");
        }

        Levels[offset] = initialValue;
        return new Line(this, offset);
    }

    public IGpioLine RequestInput(int offset, GpioBias bias, string consumer)
    {
        Requested.Add(offset);
        return new Line(this, offset);
    }

    public void Dispose()
    {
    }

    private sealed class Line(SimulatedGpioChip chip, int offset) : IGpioLine
    {
        public int Offset => offset;

        public bool Read() => chip.Levels.GetValueOrDefault(offset);

        public void Write(bool value) => chip.Levels[offset] = value;

        public void Dispose() => chip.Requested.Remove(offset);
    }
}
