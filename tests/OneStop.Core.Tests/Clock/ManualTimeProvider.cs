namespace OneStop.Core.Tests.Clock;

/// <summary>A clock the test moves by hand, forwards or backwards.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public ManualTimeProvider(long unixMs)
        : this(DateTimeOffset.FromUnixTimeMilliseconds(unixMs))
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(long ms) => _now = _now.AddMilliseconds(ms);

    public void SetUnixMs(long ms) => _now = DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
