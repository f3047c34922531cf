namespace OneStop.Hardware.Power;

/// <summary>
/// One UPS sample. <paramref name="CurrentAmps"/> is signed as the INA219 reports it with the shunt wired on the
/// battery lead: positive while the battery feeds the load, negative while it is being charged.
/// </summary>
public readonly record struct PowerReading(double BusVolts, double CurrentAmps, double PowerWatts, double BatteryPercent)
{
    public bool Charging => CurrentAmps < 0;
}
