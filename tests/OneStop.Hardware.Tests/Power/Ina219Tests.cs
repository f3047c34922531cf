using Microsoft.Extensions.Time.Testing;
using OneStop.Hardware.Power;
using OneStop.Hardware.Tests.Support;

namespace OneStop.Hardware.Tests.Power;

public class Ina219Tests
{
    /// <summary>SBOS448 table 3: 10 A through 2 mΩ, 12 V bus, Current_LSB 1 mA.</summary>
    private static WordRegisterI2cDevice DatasheetExample() => new()
    {
        Registers =
        {
            [Ina219.ShuntVoltageRegister] = 0x07D0,
            [Ina219.BusVoltageRegister] = 0x5D98,
            [Ina219.PowerRegister] = 0x1766,
            [Ina219.CurrentRegister] = 0x2710,
        },
    };

    [Fact]
    public void Calibrate_DatasheetExample_WritesCalibration5000()
    {
        var bus = DatasheetExample();
        var chip = new Ina219(bus);

        chip.Calibrate(shuntOhms: 0.002, maxCurrentAmps: 32.768);

        Assert.Equal(0x5000, chip.CalibrationValue);
        Assert.Equal(new byte[] { 0x05, 0x50, 0x00 }, bus.Writes[^1]);
        Assert.Equal(new byte[] { 0x00, 0x39, 0x9F }, bus.Writes[0]);
    }

    [Fact]
    public void Read_DatasheetExample_ReturnsTable3Values()
    {
        var chip = new Ina219(DatasheetExample());
        chip.Calibrate(0.002, 32.768);

        Assert.Equal(0.020, chip.ReadShuntVoltage(), 9);
        Assert.Equal(11.98, chip.ReadBusVoltage(), 9);
        Assert.Equal(10.0, chip.ReadCurrent(), 9);
        Assert.Equal(119.8, chip.ReadPower(), 9);
    }

    [Fact]
    public void Read_ChargingCurrent_IsNegative()
    {
        var bus = DatasheetExample();
        bus.Registers[Ina219.ShuntVoltageRegister] = 0xF830; // -2000
        bus.Registers[Ina219.CurrentRegister] = 0xD8F0; // -10000
        var chip = new Ina219(bus);
        chip.Calibrate(0.002, 32.768);

        Assert.Equal(-0.020, chip.ReadShuntVoltage(), 9);
        Assert.Equal(-10.0, chip.ReadCurrent(), 9);
    }

    /// <summary>
    /// SBOS448 §8.6.3: the shunt and current registers are two's complement. -320 mV at PGA /8 reads 0x8300
    /// (table 7: 65536 - 32000) and -10 A at Current_LSB 1 mA reads 0xD8F0 (65536 - 10000). Iot.Device.Bindings 4.2.0
    /// takes both as unsigned (+335.36 mV, +55.536 A), which is why this project keeps its own INA219 driver.
    /// </summary>
    [Fact]
    public void ReadCurrent_ChargingCurrent_BindingReadsUnsignedOursSigned()
    {
        var bus = DatasheetExample();
        bus.Registers[Ina219.ShuntVoltageRegister] = 0x8300;
        bus.Registers[Ina219.CurrentRegister] = 0xD8F0;
        var ours = new Ina219(bus);
        ours.Calibrate(0.002, 32.768);
        using var binding = new Iot.Device.Adc.Ina219(bus);
        binding.SetCalibration(0x5000, 0.001f);

        Assert.Equal(-0.320, ours.ReadShuntVoltage(), 9);
        Assert.Equal(-10.0, ours.ReadCurrent(), 9);
        Assert.Equal(0.33536, binding.ReadShuntVoltage().Volts, 6);
        Assert.Equal(55.536, binding.ReadCurrent().Amperes, 3);
    }

    [Fact]
    public void TryRead_LowBusVoltage_RaisesBatteryLowOnceAndReportsPercent()
    {
        var bus = DatasheetExample();
        bus.Registers[Ina219.BusVoltageRegister] = (ushort)(800 << 3); // 3.2 V
        bus.Registers[Ina219.CurrentRegister] = 500;
        var time = new FakeTimeProvider();
        using var monitor = new Ina219PowerMonitor("power", () => bus, 0.1, 3.2, new BatteryModel(3.0, 4.2), 20, time);
        var lows = 0;
        monitor.BatteryLow += (_, _) => lows++;

        Assert.True(monitor.TryRead(out var first));
        Assert.True(monitor.TryRead(out _));

        Assert.Equal(16.67, first.BatteryPercent, 2);
        Assert.False(first.Charging);
        Assert.Equal(1, lows);
        var health = monitor.ReadHealth();
        Assert.True(health.Connected);
        Assert.Equal("17%", health.Details["battery"]);
        Assert.Equal(time.GetUtcNow(), health.LastSeen);
    }

    [Fact]
    public void TryRead_BusMissing_ReturnsFalseAndHealthHasError()
    {
        using var monitor = new Ina219PowerMonitor("power", () => throw new IOException("open /dev/i2c-1: No such file"), 0.1, 3.2, new BatteryModel(3.0, 4.2), 15, new FakeTimeProvider());

        Assert.False(monitor.TryRead(out _));

        var health = monitor.ReadHealth();
        Assert.False(health.Connected);
        Assert.Equal("open /dev/i2c-1: No such file", health.LastError);
    }

    [Fact]
    public void HwmonTryRead_FakeSysfs_ReadsSignedCurrent()
    {
        var directory = Directory.CreateTempSubdirectory("hwmon");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "in1_input"), "4100\n");
            File.WriteAllText(Path.Combine(directory.FullName, "curr1_input"), "-750\n");
            var monitor = new HwmonPowerMonitor("power", directory.FullName, new BatteryModel(3.0, 4.2), 15, new FakeTimeProvider());

            Assert.True(monitor.TryRead(out var reading));

            Assert.Equal(4.1, reading.BusVolts, 9);
            Assert.Equal(-0.75, reading.CurrentAmps, 9);
            Assert.True(reading.Charging);
            Assert.Equal("yes", monitor.ReadHealth().Details["charging"]);
        }
        finally
        {
            directory.Delete(true);
        }
    }
}
