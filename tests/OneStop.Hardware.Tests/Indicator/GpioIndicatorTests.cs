using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;
using OneStop.Hardware.Buses;
using OneStop.Hardware.Indicator;

namespace OneStop.Hardware.Tests.Indicator;

/// <summary>The indicator through System.Device.Gpio's GpioController, with the simulated chip as its driver.</summary>
public class GpioIndicatorTests
{
    private readonly SimulatedGpioDriver _chip = new();
    private readonly FakeTimeProvider _time = new();

    private IndicatorLines OpenLines() => IndicatorLines.Open(new GpioController(_chip), 17, 27, 22);

    [Fact]
    public void Signal_Success_GreenOnAndBeepEndsAfterShortBeep()
    {
        using var indicator = new GpioIndicator("indicator", OpenLines, _time);

        Assert.True(indicator.Signal(IndicatorSignal.Success).Succeeded);
        Assert.True(_chip.Level(17));
        Assert.False(_chip.Level(27));
        Assert.True(_chip.Level(22));

        _time.Advance(GpioIndicator.ShortBeep);

        Assert.False(_chip.Level(22));
        Assert.True(_chip.Level(17));
    }

    [Fact]
    public void Dispose_OpenedPins_AreClosedThroughTheController()
    {
        var indicator = new GpioIndicator("indicator", OpenLines, _time);
        indicator.Signal(IndicatorSignal.Ready);
        Assert.Equal([17, 22, 27], _chip.OpenPins.Order());

        indicator.Dispose();

        Assert.Empty(_chip.OpenPins);
    }

    [Fact]
    public void Signal_PinBusy_FailsWithHealthErrorAndClosesWhatItOpened()
    {
        using var other = new GpioController(_chip);
        other.OpenPin(27, PinMode.Output);
        using var indicator = new GpioIndicator("indicator", OpenLines, _time);

        var result = indicator.Signal(IndicatorSignal.Error);

        Assert.False(result.Succeeded);
        Assert.Contains("pin 27 is busy", indicator.ReadHealth().LastError, StringComparison.Ordinal);
        Assert.Equal([27], _chip.OpenPins);
    }

    [Fact]
    public void Signal_ChipMissing_FailsWithHealthError()
    {
        using var indicator = new GpioIndicator("indicator", () => throw new IOException("no GPIO chip labelled 'pinctrl-rp1'"), _time);

        var result = indicator.Signal(IndicatorSignal.Error);

        Assert.False(result.Succeeded);
        Assert.Equal("no GPIO chip labelled 'pinctrl-rp1'", indicator.ReadHealth().LastError);
    }
}
