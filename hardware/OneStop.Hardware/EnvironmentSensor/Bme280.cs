using OneStop.Hardware.Buses;

namespace OneStop.Hardware.EnvironmentSensor;

/// <summary>Bosch BME280 (and BMP280, which lacks humidity) over I2C, oversampling ×1, normal mode.</summary>
public sealed class Bme280
{
    public const byte ChipIdRegister = 0xD0;
    public const byte Bme280ChipId = 0x60;
    public const byte Bmp280ChipId = 0x58;
    private const byte CtrlHumRegister = 0xF2;
    private const byte CtrlMeasRegister = 0xF4;
    private const byte ConfigRegister = 0xF5;
    private const byte DataRegister = 0xF7;

    private readonly II2cDevice _device;
    private Bme280Calibration? _calibration;
    private bool _hasHumidity;

    public Bme280(II2cDevice device) => _device = device;

    public void Initialize()
    {
        var id = _device.ReadRegister8(ChipIdRegister);
        if (id is not (Bme280ChipId or Bmp280ChipId))
        {
            throw new DeviceFaultException($"chip id 0x{id:X2} is neither BME280 (0x60) nor BMP280 (0x58)");
        }

        _hasHumidity = id == Bme280ChipId;
        Span<byte> block1 = stackalloc byte[26];
        Span<byte> block2 = stackalloc byte[7];
        _device.ReadRegisters(0x88, block1);
        if (_hasHumidity)
        {
            _device.ReadRegisters(0xE1, block2);
        }

        _calibration = Bme280Calibration.Parse(block1, block2);
        // ctrl_hum only takes effect after a ctrl_meas write, so it goes first.
        if (_hasHumidity)
        {
            _device.WriteRegister8(CtrlHumRegister, 0x01);
        }

        _device.WriteRegister8(ConfigRegister, 0xA0); // standby 1 s, filter off
        _device.WriteRegister8(CtrlMeasRegister, 0x27); // osrs_t ×1, osrs_p ×1, normal mode
    }

    public EnvironmentReading Read()
    {
        var c = _calibration ?? throw new InvalidOperationException("Initialize first");
        Span<byte> data = stackalloc byte[8];
        _device.ReadRegisters(DataRegister, data);
        var adcP = (data[0] << 12) | (data[1] << 4) | (data[2] >> 4);
        var adcT = (data[3] << 12) | (data[4] << 4) | (data[5] >> 4);
        var adcH = (data[6] << 8) | data[7];
        var (centi, tFine) = Bme280Compensation.Temperature(adcT, c);
        var pressure = Bme280Compensation.Pressure(adcP, tFine, c) / 256.0;
        double? humidity = _hasHumidity ? Bme280Compensation.Humidity(adcH, tFine, c) / 1024.0 : null;
        return new EnvironmentReading(centi / 100.0, pressure, humidity);
    }
}
