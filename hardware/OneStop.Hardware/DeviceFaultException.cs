namespace OneStop.Hardware;

/// <summary>The device answered, but wrongly (bad checksum, unexpected chip id, refused command).</summary>
public sealed class DeviceFaultException : Exception
{
    public DeviceFaultException()
    {
    }

    public DeviceFaultException(string message)
        : base(message)
    {
    }

    public DeviceFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
