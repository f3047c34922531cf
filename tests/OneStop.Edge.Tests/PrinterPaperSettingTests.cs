using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Nodes;
using OneStop.Edge.Devices;
using OneStop.Edge.Nodes;
using OneStop.Edge.Sync;
using OneStop.Edge.Ui;
using OneStop.Hardware;

namespace OneStop.Edge.Tests;

public sealed class PrinterPaperSettingTests
{
    private const string Commune = "03006";
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ApplyAsync_SettingChangedTo80mmWhileRunning_NextPrintLaidOutFor80mmWithoutRestart()
    {
        using var temp = new TempStore();
        var time = new FakeTimeProvider(Start);
        var store = await temp.OpenAsync(time);
        var hardware = new HardwareOptions();
        hardware.Printer.PaperWidthMillimetres = 58;
        using var devices = DeviceSet.Create(hardware, time);
        var settings = new EdgeNodeSettings(store, Options.Create(new EdgeOptions { NodeId = temp.NodeId, CommuneCode = Commune }), Options.Create(new EdgeUiOptions()),
            Options.Create(new SyncOptions()), Options.Create(hardware), time);
        var paper = new PrinterPaper(settings, devices);
        await paper.ApplyAsync(default);
        var before = devices.Printer.Profile.DotsPerLine;

        var errors = await settings.WriteAsync(new Dictionary<string, string?> { [NodeConfigFields.PrinterProfile] = "80mm" }, completeSetup: false, default);
        await paper.ApplyAsync(default);

        // 58 mm and 80 mm rolls print 384 and 576 dots a line (Epson TM-T20 family, 8 dots/mm).
        Assert.Empty(errors);
        Assert.Equal((384, 576), (before, devices.Printer.Profile.DotsPerLine));
    }

    [Theory]
    [InlineData("58mm", 58)]
    [InlineData("80mm", 80)]
    [InlineData("76mm", null)]
    [InlineData(null, null)]
    public void PaperWidthMillimetres_SettingValue_RollWidthOrNothing(string? profile, int? expected) =>
        Assert.Equal(expected, NodeConfigFields.PaperWidthMillimetres(profile));
}
