using OneStop.Hardware.Indicator;
using OneStop.Hardware.Tests.Support;

namespace OneStop.Hardware.Tests.Indicator;

public class GpioIndicatorTests
{
    private readonly SimulatedGpioChip _chip = new();
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void Signal_Success_GreenOnAndBeepEndsAfterShortBeep()
    {
        using var indicator = new GpioIndicator("indicator", () => IndicatorLines.Request(_chip, 17, 27, 22), _time);

        Assert.True(indicator.Signal(IndicatorSignal.Success).Succeeded);
        Assert.True(_chip.Levels[17]);
        Assert.False(_chip.Levels[27]);
        Assert.True(_chip.Levels[22]);

        _time.Advance(GpioIndicator.ShortBeep);

        Assert.False(_chip.Levels[22]);
        Assert.True(_chip.Levels[17]);
    }

    [Fact]
    public void Dispose_RequestedLines_AreReleased()
    {
        var indicator = new GpioIndicator("indicator", () => IndicatorLines.Request(_chip, 17, 27, 22), _time);
        indicator.Signal(IndicatorSignal.Ready);

        indicator.Dispose();

        Assert.Empty(_chip.Requested);
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
