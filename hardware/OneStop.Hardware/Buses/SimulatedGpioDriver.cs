using System.Collections.Concurrent;
using System.Device.Gpio;

namespace OneStop.Hardware.Buses;

/// <summary>
/// A GPIO chip in memory, plugged under System.Device.Gpio's <see cref="GpioController"/> so tests (and a bench
/// without a Pi) run the controller's own pin bookkeeping. Outputs only: the node's GPIO drives LEDs and a buzzer.
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly ConcurrentDictionary<int, PinValue> _levels = new();
    private readonly ConcurrentDictionary<int, PinMode> _modes = new();

    public SimulatedGpioDriver(int pinCount = 54) => SimulatedPinCount = pinCount;

    public int SimulatedPinCount { get; }

    /// <summary>Pins the controller holds open now; empty again after the controller is disposed.</summary>
    public IReadOnlyCollection<int> OpenPins => [.. _modes.Keys];

    /// <summary>The level last written to (or driven onto) a pin; false for a pin never touched.</summary>
    public bool Level(int pin) => _levels.TryGetValue(pin, out var value) && value == PinValue.High;

    protected override int PinCount => SimulatedPinCount;

    protected override void OpenPin(int pinNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pinNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pinNumber, SimulatedPinCount);
        if (!_modes.TryAdd(pinNumber, PinMode.Input))
        {
            throw new IOException($"pin {pinNumber} is busy");
        }
    }

    protected override void ClosePin(int pinNumber)
    {
        _modes.TryRemove(pinNumber, out _);
    }

    protected override void SetPinMode(int pinNumber, PinMode mode) => _modes[pinNumber] = mode;

    protected override PinMode GetPinMode(int pinNumber) => _modes.GetValueOrDefault(pinNumber, PinMode.Input);

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        mode is PinMode.Input or PinMode.Output or PinMode.InputPullUp or PinMode.InputPullDown;

    protected override PinValue Read(int pinNumber) => _levels.GetValueOrDefault(pinNumber, PinValue.Low);

    protected override void Write(int pinNumber, PinValue value)
    {
        if (GetPinMode(pinNumber) != PinMode.Output)
        {
            throw new InvalidOperationException($"pin {pinNumber} is not an output");
        }

        _levels[pinNumber] = value;
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the simulated chip has no input edges");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException("the simulated chip has no input edges");

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        throw new NotSupportedException("the simulated chip has no input edges");
}
