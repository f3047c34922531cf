namespace OneStop.Edge.Tests;

/// <summary>A clock the test sets: a Raspberry Pi without RTC can come back from a power cut a day off.</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
