namespace OneStop.Hardware.Display;

/// <summary>A small character display; text is folded to ASCII because HD44780-class ROMs have no Vietnamese.</summary>
public interface IStatusDisplay : IDevice
{
    int Columns { get; }

    int Rows { get; }

    DeviceResult Show(IReadOnlyList<string> lines);
}
