using OneStop.Hardware;

namespace OneStop.Edge.Api;

/// <summary>
/// Controls of the simulated peripherals (the demo, CI, training): scan a code, drain the battery,
/// insert the specimen ID card. Each answers 409 when that device runs a real driver.
/// </summary>
public static class SimulatorApi
{
    public static RouteGroupBuilder MapSimulatorApi(this RouteGroupBuilder api)
    {
        var simulators = api.MapGroup("/devices/simulator");
        simulators.MapPost("/battery", (BatteryLevel level, DeviceSet devices) =>
        {
            if (devices.PowerSimulator is not { } power)
            {
                return NotSimulated("power");
            }

            power.SetBatteryPercent(level.Percent);
            return Results.Accepted();
        });
        simulators.MapPost("/scan", (ScannedText scan, DeviceSet devices) =>
        {
            if (devices.ScannerSimulator is not { } scanner)
            {
                return NotSimulated("scanner");
            }

            scanner.Inject(scan.Code);
            return Results.Accepted();
        });
        simulators.MapGet("/printer", (DeviceSet devices) => devices.PrinterSimulator is { } printer
            ? Results.Ok(new { documents = printer.Documents.Count, bytes = printer.CapturedBytes.Length })
            : NotSimulated("printer"));
        simulators.MapGet("/display", (DeviceSet devices) => devices.DisplaySimulator is { } display
            ? Results.Ok(new { lines = display.Lines })
            : NotSimulated("display"));
        return simulators;
    }

    private static IResult NotSimulated(string device) =>
        Results.Conflict(new { error = $"Thiết bị '{device}' đang dùng trình điều khiển thật.", errorEn = $"The {device} runs a real driver, not the simulator." });

    public sealed record BatteryLevel(double Percent);

    public sealed record ScannedText(string Code);
}
