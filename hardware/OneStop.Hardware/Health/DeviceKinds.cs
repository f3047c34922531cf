namespace OneStop.Hardware.Health;

public static class DeviceKinds
{
    public const string Printer = "printer";
    public const string Display = "display";
    public const string Power = "power";
    public const string Environment = "environment";
    public const string Indicator = "indicator";
    public const string Scanner = "scanner";
    public const string CardReader = "card-reader";
    public const string Clock = "clock";
}
