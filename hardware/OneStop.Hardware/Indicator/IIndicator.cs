namespace OneStop.Hardware.Indicator;

public interface IIndicator : IDevice
{
    DeviceResult Signal(IndicatorSignal signal);
}

public enum IndicatorSignal
{
    Off,

    /// <summary>Green steady: ready for the next resident.</summary>
    Ready,

    /// <summary>Green and red: working (printing, reading a card).</summary>
    Busy,

    /// <summary>Green with a short beep: scan or print done.</summary>
    Success,

    /// <summary>Red with a long beep: needs staff.</summary>
    Error,
}
