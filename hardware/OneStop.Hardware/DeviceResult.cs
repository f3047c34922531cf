namespace OneStop.Hardware;

/// <summary>
/// Outcome of a device action. Devices never throw into the intake flow: an unplugged printer is a
/// failed result with a message the UI can show next to "print from the browser instead".
/// </summary>
public readonly record struct DeviceResult(bool Succeeded, string? Error)
{
    public static DeviceResult Ok { get; } = new(true, null);

    public static DeviceResult Fail(string error) => new(false, error);
}

public readonly record struct DeviceResult<T>(bool Succeeded, T? Value, string? Error)
{
    public static DeviceResult<T> Ok(T value) => new(true, value, null);

    public static DeviceResult<T> Fail(string error) => new(false, default, error);
}
