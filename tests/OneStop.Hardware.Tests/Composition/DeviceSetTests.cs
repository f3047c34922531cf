using Microsoft.Extensions.Time.Testing;
using OneStop.Hardware.CardReader;
using OneStop.Hardware.Indicator;
using OneStop.Hardware.Power;
using OneStop.Hardware.Printer;
using OneStop.Hardware.Scanner;

namespace OneStop.Hardware.Tests.Composition;

public class DeviceSetTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Create_DefaultOptions_EverySimulatorConnected()
    {
        using var devices = DeviceSet.Create(new HardwareOptions(), _time);

        var health = devices.ReadHealth();

        Assert.Equal(7, health.Count);
        Assert.All(health, h => Assert.True(h.Connected, h.DeviceId));
        Assert.Equal(["printer", "display", "power", "environment", "indicator", "scanner", "card-reader"], health.Select(h => h.DeviceId));
        Assert.NotNull(devices.PrinterSimulator);
        Assert.NotNull(devices.CardReaderSimulator);
    }

    [Fact]
    public void Create_UnknownDriver_ThrowsNamingTheSetting()
    {
        var options = new HardwareOptions { Printer = new PrinterOptions { Driver = "bluetooth" } };

        var error = Assert.Throws<ArgumentException>(() => DeviceSet.Create(options, _time));

        Assert.Contains("Hardware:Printer:Driver", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PrinterSimulator_Print_KeepsDocumentAndBytes()
    {
        using var devices = DeviceSet.Create(new HardwareOptions(), _time);
        var ticket = ReceiptTemplates.QueueTicket("UBND", "B002", "Hộ tịch", _time.GetUtcNow(), 0);

        var result = devices.Printer.Print(ticket);

        Assert.True(result.Succeeded);
        Assert.Same(ticket, devices.PrinterSimulator!.LastDocument);
        Assert.Equal(EscPosReceiptRenderer.Render(ticket, devices.Printer.Profile), devices.PrinterSimulator.CapturedBytes);
    }

    [Fact]
    public void PrinterSimulator_PaperOut_PrintFailsAndHealthSaysSo()
    {
        using var devices = DeviceSet.Create(new HardwareOptions(), _time);
        devices.PrinterSimulator!.SetPaperOut(true);

        var result = devices.Printer.Print(new ReceiptDocument { TitleLines = ["x"] });

        Assert.False(result.Succeeded);
        var health = devices.Printer.ReadHealth();
        Assert.Equal("out", health.Details["paper"]);
        Assert.Equal("paper out", health.LastError);
        Assert.Empty(devices.PrinterSimulator.Documents);
    }

    [Fact]
    public void ScannerSimulator_Inject_RaisesScannedWithTime()
    {
        using var devices = DeviceSet.Create(new HardwareOptions(), _time);
        var seen = new List<ScannedCode>();
        devices.Scanner.Scanned += (_, code) => seen.Add(code);

        devices.ScannerSimulator!.Inject("001099012345|Nguyễn Văn An");

        var code = Assert.Single(seen);
        Assert.Equal("001099012345|Nguyễn Văn An", code.Text);
        Assert.Equal(_time.GetUtcNow(), code.ScannedAt);
    }

    [Fact]
    public void PowerSimulator_DrainBelowThreshold_RaisesBatteryLowOnce()
    {
        using var devices = DeviceSet.Create(new HardwareOptions(), _time);
        var lows = new List<PowerReading>();
        devices.Power.BatteryLow += (_, reading) => lows.Add(reading);
        devices.PowerSimulator!.SetBatteryPercent(20);

        Assert.True(devices.Power.TryRead(out _));
        devices.PowerSimulator.Drain(10);
        Assert.True(devices.Power.TryRead(out var low));
        Assert.True(devices.Power.TryRead(out _));

        Assert.Equal(10, low.BatteryPercent, 6);
        Assert.Single(lows);
        Assert.Equal("10%", devices.Power.ReadHealth().Details["battery"]);
    }

    [Fact]
    public void CardReaderSimulator_NoCard_FailsWithoutThrowing()
    {
        using var devices = DeviceSet.Create(new HardwareOptions(), _time);

        var result = devices.CardReader.ReadCard(SimulatedIdCard.Specimen.Key);

        Assert.False(result.Succeeded);
        Assert.Equal("no card on the reader", result.Error);
    }

    [Fact]
    public void CardReaderSimulator_SpecimenWithItsKey_ReadsData()
    {
        using var devices = DeviceSet.Create(new HardwareOptions(), _time);
        devices.CardReaderSimulator!.InsertCard(SimulatedIdCard.Specimen);

        var result = devices.CardReader.ReadCard(new BacKey("L898902C<", "690806", "940623"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("ERIKSSON", result.Value!.Surname);
    }

    [Fact]
    public void CardReaderSimulator_WrongKey_FailsAndRecordsError()
    {
        using var devices = DeviceSet.Create(new HardwareOptions(), _time);
        devices.CardReaderSimulator!.InsertCard(SimulatedIdCard.Specimen);

        var result = devices.CardReader.ReadCard(new BacKey("L898902C<", "690806", "990101"));

        Assert.False(result.Succeeded);
        Assert.NotNull(devices.CardReader.ReadHealth().LastError);
    }

    [Fact]
    public void CardReaderSimulator_VietnameseSpecimen_ReadsDg13ThroughBac()
    {
        using var devices = DeviceSet.Create(new HardwareOptions(), _time);
        devices.CardReaderSimulator!.InsertCard(SimulatedIdCard.VietnameseSpecimen);

        var result = devices.CardReader.ReadCard(SimulatedIdCard.VietnameseSpecimen.Key);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("Hà Nội", result.Value!.VietnameseDetails!.PlaceOfOrigin![^6..]);
    }

    [Fact]
    public void Create_Pn532WithoutPath_ThrowsNamingTheSetting()
    {
        var options = new HardwareOptions { CardReader = new CardReaderOptions { Driver = DriverNames.Pn532 } };

        var error = Assert.Throws<ArgumentException>(() => DeviceSet.Create(options, _time));

        Assert.Contains("Hardware:CardReader:Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IndicatorAndDisplaySimulators_Record_WhatWasShown()
    {
        using var devices = DeviceSet.Create(new HardwareOptions(), _time);

        devices.Indicator.Signal(IndicatorSignal.Success);
        devices.Display.Show(["Trực tuyến", "Mời số A015"]);

        Assert.Equal(IndicatorSignal.Success, devices.IndicatorSimulator!.Current);
        Assert.Equal(["Truc tuyen      ", "Moi so A015     "], devices.DisplaySimulator!.Lines);
    }
}
