namespace OneStop.Hardware.EnvironmentSensor;

public interface IEnvironmentSensor : IDevice
{
    bool TryRead(out EnvironmentReading reading);
}

/// <summary>Humidity is null on a BMP280, which has no humidity sensor.</summary>
public readonly record struct EnvironmentReading(double TemperatureCelsius, double PressurePascals, double? RelativeHumidityPercent);
