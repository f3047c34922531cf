using System.Device.I2c;
using OneStop.Hardware.Buses;

namespace OneStop.Hardware.Power;

/// <summary>
/// TI INA219 (SBOS448). Kept instead of Iot.Device.Bindings' <c>Iot.Device.Adc.Ina219</c> (4.2.0): that driver reads
/// the shunt and current registers as unsigned, so a charging current of -10 A comes back as +55.5 A
/// (Ina219Tests.ReadCurrent_ChargingCurrent_BindingReadsUnsignedOursSigned shows it). Here they are sign-extended.
/// </summary>
public sealed class Ina219
{
    public const byte ConfigurationRegister = 0x00;
    public const byte ShuntVoltageRegister = 0x01;
    public const byte BusVoltageRegister = 0x02;
    public const byte PowerRegister = 0x03;
    public const byte CurrentRegister = 0x04;
    public const byte CalibrationRegister = 0x05;

    /// <summary>32 V bus range, ±320 mV shunt range, 12-bit ADCs, continuous: the power-on default.</summary>
    public const ushort DefaultConfiguration = 0x399F;

    private readonly I2cDevice _device;
    private double _currentLsbAmps;

    public Ina219(I2cDevice device) => _device = device;

    public ushort CalibrationValue { get; private set; }

    /// <summary>Current_LSB = max/2^15, Cal = trunc(0.04096 / (Current_LSB × R)), per the datasheet's programming section.</summary>
    public void Calibrate(double shuntOhms, double maxCurrentAmps, ushort configuration = DefaultConfiguration)
    {
        _currentLsbAmps = maxCurrentAmps / 32768.0;
        CalibrationValue = checked((ushort)Math.Truncate(0.04096 / (_currentLsbAmps * shuntOhms)));
        _device.WriteRegister16BigEndian(ConfigurationRegister, configuration);
        _device.WriteRegister16BigEndian(CalibrationRegister, CalibrationValue);
    }

    /// <summary>Volts across the shunt, LSB 10 µV, signed.</summary>
    public double ReadShuntVoltage() => (short)_device.ReadRegister16BigEndian(ShuntVoltageRegister) * 10e-6;

    /// <summary>Bits 15..3, LSB 4 mV; bits 1..0 are the CNVR and OVF flags.</summary>
    public double ReadBusVoltage() => (_device.ReadRegister16BigEndian(BusVoltageRegister) >> 3) * 4e-3;

    /// <summary>Amps, signed; negative while the battery charges. Zero until calibrated.</summary>
    public double ReadCurrent() => (short)_device.ReadRegister16BigEndian(CurrentRegister) * _currentLsbAmps;

    /// <summary>Watts; the chip reports magnitude only (Power_LSB = 20 × Current_LSB).</summary>
    public double ReadPower() => _device.ReadRegister16BigEndian(PowerRegister) * 20 * _currentLsbAmps;
}
