namespace OneStop.Hardware.Buses;

public interface IGpioLine : IDisposable
{
    int Offset { get; }

    bool Read();

    void Write(bool value);
}
