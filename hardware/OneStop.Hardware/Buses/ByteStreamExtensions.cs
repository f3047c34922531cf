namespace OneStop.Hardware.Buses;

public static class ByteStreamExtensions
{
    /// <summary>Fills <paramref name="buffer"/> completely or returns false when a read times out.</summary>
    public static bool TryReadExactly(this IByteStream stream, Span<byte> buffer, TimeSpan timeout)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = stream.Read(buffer[filled..], timeout);
            if (read == 0)
            {
                return false;
            }

            filled += read;
        }

        return true;
    }
}
