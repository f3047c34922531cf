namespace OneStop.Hardware.Buses;

/// <summary>
/// A GPIO controller chip. Lines are requested one at a time and released on dispose, which
/// matches both the kernel's line-request model and dotnet/iot's <c>GpioController.OpenPin</c>.
/// </summary>
public interface IGpioChip : IDisposable
{
    string Name { get; }

    string Label { get; }

    int LineCount { get; }

    IGpioLine RequestOutput(int offset, bool initialValue, string consumer);

    IGpioLine RequestInput(int offset, GpioBias bias, string consumer);
}
