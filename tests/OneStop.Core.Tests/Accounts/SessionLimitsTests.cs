using OneStop.Core.Accounts;

namespace OneStop.Core.Tests.Accounts;

public sealed class SessionLimitsTests
{
    // 1 December 2026 08:00 in Hà Nội is 01:00 UTC: Unix 1,796,086,800 s (date -d '2026-12-01T01:00:00Z' +%s).
    private const string SignedInAt = "1796086800000";

    private static readonly DateTimeOffset SignIn = new(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Stamp_HaNoiMorning_UnixMilliseconds() => Assert.Equal(SignedInAt, SessionLimits.Stamp(SignIn));

    [Theory]
    [InlineData(0, true)]
    [InlineData(35_999_999, true)]
    [InlineData(36_000_000, false)]
    [InlineData(-1, false)]
    public void IsWithinAbsolute_DeskShiftOfTenHours_EndsExactlyAtTenHours(long afterMs, bool within) =>
        Assert.Equal(within, SessionLimits.IsWithinAbsolute(SignedInAt, SignIn.AddMilliseconds(afterMs), SessionLimits.DeskAbsolute));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hôm qua")]
    public void IsWithinAbsolute_NoReadableSignInTime_PastTheLimit(string? stamp) =>
        Assert.False(SessionLimits.IsWithinAbsolute(stamp, SignIn, SessionLimits.ConsoleAbsolute));
}
