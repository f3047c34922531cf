using Microsoft.Extensions.Time.Testing;
using OneStop.Hardware.Clock;

namespace OneStop.Hardware.Tests.Clock;

/// <summary>
/// The dotnet/iot DS3231 binding against the simulated chip; expected register bytes are written out by hand from the
/// datasheet's register map (BCD, century in month bit 7, OSF in status bit 7), not from the code under test.
/// </summary>
public sealed class Ds3231RealTimeClockTests
{
    [Fact]
    public void TrySet_KnownMoment_TimeRegistersHoldDatasheetBcd()
    {
        var time = Time();
        var chip = new SimulatedDs3231(time);
        var rtc = new Ds3231RealTimeClock("rtc", () => chip, time);

        Assert.True(rtc.TrySet(new DateTimeOffset(2026, 12, 1, 3, 4, 5, TimeSpan.Zero)));

        var registers = chip.Registers;
        Assert.Equal(0x05, registers[0x00]);
        Assert.Equal(0x04, registers[0x01]);
        Assert.Equal(0x03, registers[0x02]);
        Assert.Equal(0x01, registers[0x04]);
        Assert.Equal(0x92, registers[0x05]);
        Assert.Equal(0x26, registers[0x06]);
        Assert.Equal(0, registers[0x0F] & 0x80);
    }

    [Fact]
    public void TryRead_RegistersWrittenRawThenTimePasses_BindingReadsLeapDay()
    {
        var time = Time();
        var chip = new SimulatedDs3231(time, new DateTime(2020, 5, 5, 0, 0, 0, DateTimeKind.Utc));

        // 28/02/2024 23:59:30, 24-hour mode, century bit set; then 31 s later it must be 29/02 (2024 is a leap year).
        chip.Write([0x00, 0x30, 0x59, 0x23, 0x04, 0x28, 0x82, 0x24]);
        time.Advance(TimeSpan.FromSeconds(31));
        var rtc = new Ds3231RealTimeClock("rtc", () => chip, time);

        Assert.True(rtc.TryRead(out var reading));
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 0, 0, 1, TimeSpan.Zero), reading.Utc);
        Assert.False(reading.OscillatorStopped);
    }

    [Fact]
    public void TryRead_AcrossNewYear_YearAndCenturyRegistersRollOver()
    {
        var time = Time();
        var chip = new SimulatedDs3231(time, new DateTime(2026, 12, 31, 23, 59, 58, DateTimeKind.Utc));
        var rtc = new Ds3231RealTimeClock("rtc", () => chip, time);

        time.Advance(TimeSpan.FromSeconds(3));

        Assert.True(rtc.TryRead(out var reading));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 1, TimeSpan.Zero), reading.Utc);
        Assert.Equal(0x81, chip.Registers[0x05]);
        Assert.Equal(0x27, chip.Registers[0x06]);
    }

    [Fact]
    public void TryRead_FirstPowerOn_OscillatorStopFlagSet()
    {
        var time = Time();
        var chip = new SimulatedDs3231(time);
        var rtc = new Ds3231RealTimeClock("rtc", () => chip, time);

        Assert.True(rtc.TryRead(out var reading));
        Assert.True(reading.OscillatorStopped);
        Assert.Equal(0x88, chip.Registers[0x0F]);
    }

    [Fact]
    public void TrySet_AfterOscillatorStopped_ClearsFlagAndRunsAgain()
    {
        var time = Time();
        var chip = new SimulatedDs3231(time, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var rtc = new Ds3231RealTimeClock("rtc", () => chip, time);
        chip.StopOscillator();
        time.Advance(TimeSpan.FromHours(5));

        Assert.True(rtc.TryRead(out var stopped));
        Assert.True(stopped.OscillatorStopped);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), stopped.Utc);

        Assert.True(rtc.TrySet(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)));
        time.Advance(TimeSpan.FromMinutes(2));

        Assert.True(rtc.TryRead(out var running));
        Assert.False(running.OscillatorStopped);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 2, 0, TimeSpan.Zero), running.Utc);
    }

    [Fact]
    public void StatusWrite_SettingOsf_Ignored()
    {
        var time = Time();
        var chip = new SimulatedDs3231(time, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        // Datasheet: OSF "remains at logic 1 until written to logic 0"; software cannot set it.
        chip.Write([0x0F, 0x80]);

        Assert.Equal(0, chip.Registers[0x0F] & 0x80);
    }

    [Fact]
    public void TryRead_BusThrows_FalseAndHealthSaysWhy()
    {
        var time = Time();
        var rtc = new Ds3231RealTimeClock("rtc", () => throw new IOException("no device at 0x68"), time);

        Assert.False(rtc.TryRead(out _));
        var health = rtc.ReadHealth();
        Assert.False(health.Connected);
        Assert.Equal("clock", health.Kind);
        Assert.Contains("0x68", health.LastError, StringComparison.Ordinal);
    }

    // Wall and monotonic time move together (FakeTimeProvider derives timestamps from its clock), only when the test says so.
    private static FakeTimeProvider Time() => new(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
}
