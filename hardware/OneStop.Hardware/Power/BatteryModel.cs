namespace OneStop.Hardware.Power;

/// <summary>
/// Battery percentage from terminal voltage, linear between empty and full. Crude (Li-ion curves are flat in
/// the middle) but monotonic, which is all the low-battery stop needs.
/// </summary>
public sealed record BatteryModel(double EmptyVolts, double FullVolts)
{
    public double PercentFromVolts(double volts)
    {
        var percent = (volts - EmptyVolts) / (FullVolts - EmptyVolts) * 100.0;
        return Math.Clamp(percent, 0.0, 100.0);
    }

    public double VoltsFromPercent(double percent) => EmptyVolts + ((FullVolts - EmptyVolts) * Math.Clamp(percent, 0.0, 100.0) / 100.0);
}
