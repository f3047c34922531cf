using OneStop.Hardware.Health;

namespace OneStop.Hardware;

/// <summary>Turns device faults into results and health entries; programming errors still throw.</summary>
public static class DeviceGuard
{
    public static bool IsDeviceFault(Exception exception) => exception is IOException
        or UnauthorizedAccessException
        or TimeoutException
        or DeviceFaultException
        or InvalidDataException
        or ObjectDisposedException
        or System.Net.Sockets.SocketException;

    public static DeviceResult Run(HealthTracker health, Action action)
    {
        try
        {
            action();
            health.Succeeded();
            return DeviceResult.Ok;
        }
        catch (Exception exception) when (IsDeviceFault(exception))
        {
            health.Failed(exception.Message);
            return DeviceResult.Fail(exception.Message);
        }
    }

    public static DeviceResult<T> Run<T>(HealthTracker health, Func<T> action)
    {
        try
        {
            var value = action();
            health.Succeeded();
            return DeviceResult<T>.Ok(value);
        }
        catch (Exception exception) when (IsDeviceFault(exception))
        {
            health.Failed(exception.Message);
            return DeviceResult<T>.Fail(exception.Message);
        }
    }
}
