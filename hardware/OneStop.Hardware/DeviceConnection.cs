namespace OneStop.Hardware;

/// <summary>
/// Opens a bus on first use and drops it after a fault, so a device plugged in after start-up (or replugged)
/// is picked up on the next call without restarting the node.
/// </summary>
public sealed class DeviceConnection<T> : IDisposable
    where T : class, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Func<T> _open;
    private T? _current;

    public DeviceConnection(Func<T> open) => _open = open;

    public TResult Use<TResult>(Func<T, TResult> action)
    {
        lock (_gate)
        {
            _current ??= _open();
            try
            {
                return action(_current);
            }
            catch (Exception exception) when (DeviceGuard.IsDeviceFault(exception))
            {
                _current.Dispose();
                _current = null;
                throw;
            }
        }
    }

    public void Use(Action<T> action) => Use(bus =>
    {
        action(bus);
        return true;
    });

    public void Dispose()
    {
        lock (_gate)
        {
            _current?.Dispose();
            _current = null;
        }
    }
}
