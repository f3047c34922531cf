namespace OneStop.Hardware.Power;

/// <summary>
/// Edge detection with hysteresis so a voltage wobbling around the threshold does not fire repeatedly;
/// it re-arms only after the battery recovers a few percent (mains is back).
/// </summary>
public sealed class LowBatteryWatch
{
    private const double RearmMarginPercent = 5.0;
    private bool _fired;

    public LowBatteryWatch(double thresholdPercent) => ThresholdPercent = thresholdPercent;

    public double ThresholdPercent { get; }

    /// <summary>True exactly when this reading crosses below the threshold.</summary>
    public bool Observe(PowerReading reading)
    {
        if (reading.BatteryPercent < ThresholdPercent && !reading.Charging)
        {
            if (_fired)
            {
                return false;
            }

            _fired = true;
            return true;
        }

        if (reading.BatteryPercent >= ThresholdPercent + RearmMarginPercent)
        {
            _fired = false;
        }

        return false;
    }
}
