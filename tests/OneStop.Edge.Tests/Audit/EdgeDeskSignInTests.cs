using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Accounts;
using OneStop.Core.Audit;
using OneStop.Edge.Audit;
using OneStop.Edge.Ui;
using OneStop.Ui.Ports;

namespace OneStop.Edge.Tests.Audit;

public sealed class EdgeDeskSignInTests : IDisposable
{
    internal const string Password = "mat-khau-dung-1";
    private readonly TempStore _files = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_780_000_000_000));
    private readonly EdgeAuditLog _audit;
    private readonly EdgeDeskSignIn _signIn;

    public EdgeDeskSignInTests()
    {
        _audit = new EdgeAuditLog(_files.Database, _time);
        _signIn = new EdgeDeskSignIn(new OneAccount(), _audit, _time);
    }

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task SignInAsync_FiveWrong_LockedFifteenMinutesEvenWithTheRightPassword()
    {
        for (var i = 1; i < SignInLockout.DefaultMaxFailures; i++)
        {
            Assert.Equal(DeskSignInOutcome.WrongCredentials, (await _signIn.SignInAsync("canbo", "sai", "10.0.0.5")).Outcome);
        }

        var fifth = await _signIn.SignInAsync("canbo", "sai", "10.0.0.5");
        _time.Advance(TimeSpan.FromMinutes(14));
        var rightTooEarly = await _signIn.SignInAsync("canbo", Password, "10.0.0.5");
        _time.Advance(TimeSpan.FromMinutes(1));
        var rightAfter = await _signIn.SignInAsync("canbo", Password, "10.0.0.5");

        Assert.Equal((DeskSignInOutcome.LockedOut, 15), (fifth.Outcome, fifth.MinutesLeft));
        Assert.Equal((DeskSignInOutcome.LockedOut, 1), (rightTooEarly.Outcome, rightTooEarly.MinutesLeft));
        Assert.Equal(DeskSignInOutcome.SignedIn, rightAfter.Outcome);
        Assert.Equal(LockoutState.Clear, _signIn.AccountState("canbo"));
    }

    [Fact]
    public async Task SignInAsync_WrongAgainAfterTheLockRanOut_LockedThirtyMinutes()
    {
        for (var i = 0; i < SignInLockout.DefaultMaxFailures; i++)
        {
            await _signIn.SignInAsync("canbo", "sai", "10.0.0.5");
        }

        _time.Advance(TimeSpan.FromMinutes(15));
        var again = await _signIn.SignInAsync("canbo", "sai", "10.0.0.5");

        Assert.Equal((DeskSignInOutcome.LockedOut, 30), (again.Outcome, again.MinutesLeft));
    }

    [Fact]
    public async Task SignInAsync_OneAddressTryingManyNames_AddressLockedForEveryName()
    {
        for (var i = 0; i < EdgeDeskSignIn.MaxFailuresPerAddress; i++)
        {
            await _signIn.SignInAsync($"ten{i}", "sai", "10.0.0.9");
        }

        var fromThere = await _signIn.SignInAsync("canbo", Password, "10.0.0.9");
        var fromElsewhere = await _signIn.SignInAsync("canbo", Password, "10.0.0.10");

        Assert.Equal(DeskSignInOutcome.LockedOut, fromThere.Outcome);
        Assert.Equal(DeskSignInOutcome.SignedIn, fromElsewhere.Outcome);
    }

    [Fact]
    public async Task SignInAsync_EveryAttemptAndSignOut_Audited()
    {
        await _signIn.SignInAsync("canbo", "sai", "10.0.0.5");
        await _signIn.SignInAsync("canbo", Password, "10.0.0.5");
        await _signIn.SignedOutAsync("canbo");

        var entries = await _audit.ReadAfterAsync(0, 10);

        Assert.Equal([AuditActions.SignInFailed, AuditActions.SignedIn, AuditActions.SignedOut], entries.Select(e => e.Entry.Action));
        Assert.All(entries, e => Assert.Equal("account:canbo", e.Entry.Subject));
    }

    [Fact]
    public async Task Unlock_AfterAnAdminReset_SignsInAtOnce()
    {
        for (var i = 0; i < SignInLockout.DefaultMaxFailures; i++)
        {
            await _signIn.SignInAsync("canbo", "sai", "10.0.0.5");
        }

        await _signIn.UnlockAsync("canbo");

        Assert.Equal(DeskSignInOutcome.SignedIn, (await _signIn.SignInAsync("canbo", Password, "10.0.0.6")).Outcome);
    }

    internal sealed class OneAccount : IDeskAccounts
    {
        public Task<DeskAccount?> VerifyAsync(string userName, string password, CancellationToken cancellationToken = default) =>
            Task.FromResult(userName == "canbo" && password == Password ? new DeskAccount("canbo", "Lò Thị Mai", "staff") : null);
    }
}
