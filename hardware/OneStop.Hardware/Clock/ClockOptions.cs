namespace OneStop.Hardware.Clock;

/// <summary>
/// Drivers: "none" (default: a Raspberry Pi has no clock module, and a simulator would vouch for a wrong system
/// clock), "ds3231" or "linux" (I2C, address 0x68), "simulator" (a simulated DS3231 for the demo and tests).
/// </summary>
public sealed class ClockOptions : I2cDeviceOptions
{
    public const string None = "none";

    public ClockOptions() => Driver = None;

    /// <summary>Default 0x68, fixed in the DS3231.</summary>
    public override int I2cAddress { get; set; } = Ds3231Registers.Address;

    /// <summary>Simulator only: the time the simulated module holds at start (default: the system clock's).</summary>
    public DateTimeOffset? SimulatorStartUtc { get; set; }

    /// <summary>Simulator only: start with the oscillator-stop flag set, as after a flat battery.</summary>
    public bool SimulatorOscillatorStopped { get; set; }
}
