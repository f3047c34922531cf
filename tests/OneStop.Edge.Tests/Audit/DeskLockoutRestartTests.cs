using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Accounts;
using OneStop.Edge.Audit;
using OneStop.Edge.Ui;
using OneStop.Ui.Ports;

namespace OneStop.Edge.Tests.Audit;

/// <summary>The desk's lockout counts are kept in edge.db: a node restarted (a new process on the same file) keeps them.</summary>
public sealed class DeskLockoutRestartTests : IDisposable
{
    private const string Password = EdgeDeskSignInTests.Password;
    private readonly TempStore _files = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_780_000_000_000));

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task SignInAsync_AccountLockedThenNodeRestarted_StillLockedUntilTheLockRunsOut()
    {
        var before = Start();
        for (var i = 0; i < SignInLockout.DefaultMaxFailures; i++)
        {
            await before.SignInAsync("canbo", "sai", "10.0.0.5");
        }

        Assert.Equal((5L, (long?)(1_780_000_000_000L + SignInLockout.DefaultLockMs)), StoredRow("account", "canbo"));
        var after = Start();
        var tooEarly = await after.SignInAsync("canbo", Password, "10.0.0.6");
        _time.Advance(TimeSpan.FromMilliseconds(SignInLockout.DefaultLockMs));
        var inTime = await Start().SignInAsync("canbo", Password, "10.0.0.6");

        Assert.Equal((DeskSignInOutcome.LockedOut, 15), (tooEarly.Outcome, tooEarly.MinutesLeft));
        Assert.Equal(DeskSignInOutcome.SignedIn, inTime.Outcome);
        Assert.Null(StoredRow("account", "canbo"));
    }

    [Fact]
    public async Task SignInAsync_FourWrongThenNodeRestarted_FifthLocks()
    {
        var before = Start();
        for (var i = 1; i < SignInLockout.DefaultMaxFailures; i++)
        {
            await before.SignInAsync("CanBo", "sai", "10.0.0.5");
        }

        var fifth = await Start().SignInAsync("canbo", "sai", "10.0.0.5");

        Assert.Equal(DeskSignInOutcome.LockedOut, fifth.Outcome);
    }

    [Fact]
    public async Task SignInAsync_AddressLockedThenNodeRestarted_OtherNamesFromItStillRefused()
    {
        var before = Start();
        for (var i = 0; i < EdgeDeskSignIn.MaxFailuresPerAddress; i++)
        {
            await before.SignInAsync("ten" + i, "sai", "10.0.0.9");
        }

        var after = await Start().SignInAsync("canbo", Password, "10.0.0.9");

        Assert.Equal(DeskSignInOutcome.LockedOut, after.Outcome);
        Assert.NotNull(StoredRow("address", "10.0.0.9"));
    }

    [Fact]
    public async Task UnlockAsync_AdminResetThenNodeRestarted_SignsInAtOnce()
    {
        var before = Start();
        for (var i = 0; i < SignInLockout.DefaultMaxFailures; i++)
        {
            await before.SignInAsync("canbo", "sai", "10.0.0.5");
        }

        await before.UnlockAsync("canbo");

        Assert.Equal(DeskSignInOutcome.SignedIn, (await Start().SignInAsync("canbo", Password, "10.0.0.6")).Outcome);
    }

    // A new sign-in service on the same file: what a restarted node starts with.
    private EdgeDeskSignIn Start() => new(new EdgeDeskSignInTests.OneAccount(), new EdgeAuditLog(_files.Database, _time), _time, new DeskLockoutStore(_files.Database));

    private (long Failed, long? Until)? StoredRow(string kind, string name)
    {
        using var connection = new SqliteConnection($"Data Source={_files.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT failed_in_a_row, locked_until_ms FROM desk_sign_in_lockouts WHERE kind = $kind AND name = $name";
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$name", name);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1)) : null;
    }
}
