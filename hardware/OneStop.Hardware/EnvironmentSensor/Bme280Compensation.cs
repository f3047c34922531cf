namespace OneStop.Hardware.EnvironmentSensor;

/// <summary>
/// The pinned variant: the datasheet's fixed-point formulas (32-bit temperature and humidity, 64-bit pressure,
/// BST-BME280-DS002 §4.2.3). Integers give bit-exact results that tests can compare with the datasheet example.
/// </summary>
public static class Bme280Compensation
{
    /// <returns>Temperature in 0.01 °C and t_fine, which the other two formulas need.</returns>
    public static (int CentiCelsius, int TFine) Temperature(int adcT, Bme280Calibration c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var var1 = (((adcT >> 3) - (c.T1 << 1)) * c.T2) >> 11;
        var var2 = (((((adcT >> 4) - c.T1) * ((adcT >> 4) - c.T1)) >> 12) * c.T3) >> 14;
        var tFine = var1 + var2;
        return (((tFine * 5) + 128) >> 8, tFine);
    }

    /// <returns>Pressure in Pa as Q24.8 (divide by 256), or 0 when the calibration would divide by zero.</returns>
    public static uint Pressure(int adcP, int tFine, Bme280Calibration c)
    {
        ArgumentNullException.ThrowIfNull(c);
        long var1 = tFine - 128000L;
        var var2 = var1 * var1 * c.P6;
        var2 += (var1 * c.P5) << 17;
        var2 += (long)c.P4 << 35;
        var1 = ((var1 * var1 * c.P3) >> 8) + ((var1 * c.P2) << 12);
        var1 = (((1L << 47) + var1) * c.P1) >> 33;
        if (var1 == 0)
        {
            return 0;
        }

        long p = 1048576 - adcP;
        p = (((p << 31) - var2) * 3125) / var1;
        var1 = (c.P9 * (p >> 13) * (p >> 13)) >> 25;
        var2 = (c.P8 * p) >> 19;
        p = ((p + var1 + var2) >> 8) + ((long)c.P7 << 4);
        return (uint)p;
    }

    /// <returns>Relative humidity in %RH as Q22.10 (divide by 1024).</returns>
    public static uint Humidity(int adcH, int tFine, Bme280Calibration c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var x = tFine - 76800;
        x = ((((adcH << 14) - (c.H4 << 20) - (c.H5 * x)) + 16384) >> 15)
            * (((((((x * c.H6) >> 10) * (((x * c.H3) >> 11) + 32768)) >> 10) + 2097152) * c.H2 + 8192) >> 14);
        x -= ((((x >> 15) * (x >> 15)) >> 7) * c.H1) >> 4;
        x = Math.Clamp(x, 0, 419430400);
        return (uint)(x >> 12);
    }
}
