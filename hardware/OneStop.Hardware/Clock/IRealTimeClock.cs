namespace OneStop.Hardware.Clock;

/// <summary>A battery-backed clock module: the time that survives a power cut when the network does not come back.</summary>
public interface IRealTimeClock : IDevice
{
    /// <summary>Reads the module; false when it does not answer.</summary>
    bool TryRead(out RtcReading reading);

    /// <summary>Sets the module (and clears its oscillator-stop flag); false when it does not answer.</summary>
    bool TrySet(DateTimeOffset utc);
}

/// <param name="Utc">The module's time (kept in UTC).</param>
/// <param name="OscillatorStopped">The oscillator stopped since the time was last set: the time is not to be trusted.</param>
public sealed record RtcReading(DateTimeOffset Utc, bool OscillatorStopped);
