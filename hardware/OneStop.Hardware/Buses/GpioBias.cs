namespace OneStop.Hardware.Buses;

public enum GpioBias
{
    AsIs,
    Disabled,
    PullUp,
    PullDown,
}
