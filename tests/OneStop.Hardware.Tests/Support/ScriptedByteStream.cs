using OneStop.Hardware.Buses;

namespace OneStop.Hardware.Tests.Support;

/// <summary>A device on a byte stream that answers each written request through <see cref="Respond"/>.</summary>
public sealed class ScriptedByteStream : IByteStream
{
    private readonly Queue<byte> _pending = new();

    public Func<byte[], byte[]> Respond { get; set; } = _ => [];

    public List<byte> Written { get; } = [];

    public void Write(ReadOnlySpan<byte> buffer)
    {
        Written.AddRange(buffer.ToArray());
        foreach (var b in Respond(buffer.ToArray()))
        {
            _pending.Enqueue(b);
        }
    }

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        var count = 0;
        while (count < buffer.Length && _pending.TryDequeue(out var b))
        {
            buffer[count++] = b;
        }

        return count;
    }

    public void Dispose()
    {
    }
}
