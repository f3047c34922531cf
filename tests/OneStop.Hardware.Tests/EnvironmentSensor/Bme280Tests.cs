using Microsoft.Extensions.Time.Testing;
using OneStop.Hardware.EnvironmentSensor;
using OneStop.Hardware.Tests.Support;

namespace OneStop.Hardware.Tests.EnvironmentSensor;

/// <summary>The Bmxx80 bindings from Iot.Device.Bindings run unchanged against a simulated register file.</summary>
public class Bme280Tests
{
    private static readonly short[] Trimming = [27504, 26435, -1000, unchecked((short)36477), -10685, 3024, 2855, 140, -7, 15500, -14600, 6000];

    /// <summary>BMP280 datasheet (DS001) worked example; BME280 uses the same T/P trimming and formulas.</summary>
    private static ByteRegisterI2cDevice DatasheetExample(byte chipId)
    {
        var bus = new ByteRegisterI2cDevice();
        for (var i = 0; i < Trimming.Length; i++)
        {
            bus.Registers[0x88 + (2 * i)] = (byte)Trimming[i];
            bus.Registers[0x89 + (2 * i)] = (byte)(Trimming[i] >> 8);
        }

        bus.Registers[Bme280EnvironmentSensor.ChipIdRegister] = chipId;
        byte[] data = [0x65, 0x5A, 0xC0, 0x7E, 0xED, 0x00]; // adc_P 415148, adc_T 519888
        data.CopyTo(bus.Registers, 0xF7);
        return bus;
    }

    [Fact]
    public void TryRead_Bmp280DatasheetExample_ReturnsDatasheetTemperatureAndPressure()
    {
        var bus = DatasheetExample(Bme280EnvironmentSensor.Bmp280ChipId);
        using var sensor = new Bme280EnvironmentSensor("environment", () => bus, new FakeTimeProvider());

        Assert.True(sensor.TryRead(out var reading), sensor.ReadHealth().LastError);

        // DS001 §3.12 (floating-point variant): 25.08 °C and 100653.27 Pa.
        Assert.Equal(25.08, reading.TemperatureCelsius, 2);
        Assert.InRange(reading.PressurePascals, 100653.27 - 0.01, 100653.27 + 0.01);
        Assert.Null(reading.RelativeHumidityPercent);
        Assert.Equal(0b11, bus.Registers[0xF4] & 0b11); // normal mode: reads never wait for a conversion
        Assert.Equal("25.1 C", sensor.ReadHealth().Details["temperature"]);
    }

    [Fact]
    public void TryRead_Bme280Humidity_AgreesWithDatasheetDoubleFormula()
    {
        var bus = DatasheetExample(Bme280EnvironmentSensor.Bme280ChipId);
        const byte h1 = 75;
        byte[] block2 = [0x6A, 0x01, 0x00, 0x13, 0x92, 0x03, 0x1E]; // E1..E7: H2 362, H3 0, H4 0x132, H5 0x039, H6 30
        bus.Registers[0xA1] = h1;
        block2.CopyTo(bus.Registers, 0xE1);
        const int adcH = 30000;
        bus.Registers[0xFD] = adcH >> 8;
        bus.Registers[0xFE] = adcH & 0xFF;
        using var sensor = new Bme280EnvironmentSensor("environment", () => bus, new FakeTimeProvider());

        Assert.True(sensor.TryRead(out var reading), sensor.ReadHealth().LastError);

        // BST-BME280-DS002 §8.1 floating-point formulas, written out here as the independent check.
        const double adcT = 519888;
        var var1 = ((adcT / 16384.0) - (Trimming[0] / 1024.0)) * Trimming[1];
        var var2 = ((adcT / 131072.0) - (Trimming[0] / 8192.0)) * ((adcT / 131072.0) - (Trimming[0] / 8192.0)) * Trimming[2];
        var tFine = var1 + var2;
        const double h2 = 362, h3 = 0, h4 = 0x132, h5 = 0x039, h6 = 30;
        var h = tFine - 76800.0;
        h = (adcH - ((h4 * 64.0) + (h5 / 16384.0 * h))) * (h2 / 65536.0 * (1.0 + (h6 / 67108864.0 * h * (1.0 + (h3 / 67108864.0 * h)))));
        h *= 1.0 - (h1 * h / 524288.0);
        Assert.InRange(h, 1, 99);
        Assert.NotNull(reading.RelativeHumidityPercent);
        Assert.Equal(h, reading.RelativeHumidityPercent.Value, 6);
    }

    [Fact]
    public void TryRead_WrongChipId_FailsAsDeviceFault()
    {
        var bus = DatasheetExample(0x55);
        using var sensor = new Bme280EnvironmentSensor("environment", () => bus, new FakeTimeProvider());

        Assert.False(sensor.TryRead(out _));

        Assert.Contains("0x55", sensor.ReadHealth().LastError, StringComparison.Ordinal);
    }
}
