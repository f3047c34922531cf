namespace OneStop.Hardware.Power;

public interface IPowerMonitor : IDevice
{
    /// <summary>Raised once each time the battery falls below the configured threshold; the host then stops cleanly.</summary>
    event EventHandler<PowerReading>? BatteryLow;

    bool TryRead(out PowerReading reading);
}
