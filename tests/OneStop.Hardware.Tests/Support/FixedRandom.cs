namespace OneStop.Hardware.Tests.Support;

/// <summary>Hands out fixed byte strings in order, standing in for RandomNumberGenerator.Fill in protocol vectors.</summary>
public sealed class FixedRandom(params string[] hexValues)
{
    private readonly Queue<byte[]> _values = new(hexValues.Select(Convert.FromHexString));

    public void Fill(Span<byte> buffer)
    {
        var next = _values.Dequeue();
        Assert.Equal(buffer.Length, next.Length);
        next.CopyTo(buffer);
    }
}
