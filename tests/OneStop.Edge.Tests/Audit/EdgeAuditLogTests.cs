using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Audit;
using OneStop.Edge.Audit;

namespace OneStop.Edge.Tests.Audit;

public sealed class EdgeAuditLogTests : IDisposable
{
    private readonly TempStore _files = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_780_000_000_000));

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task AppendAsync_ThreeEntries_ChainedFromGenesisWithTheWritersClock()
    {
        var log = new EdgeAuditLog(_files.Database, _time);

        var first = await log.AppendAsync("canbo", AuditActions.Viewed, "d1", null);
        _time.Advance(TimeSpan.FromSeconds(5));
        var second = await log.AppendAsync("canbo", AuditActions.Printed, "d1", "slip");
        var third = await log.AppendAsync("quantri", AuditActions.Admin, "settings", "saved");

        Assert.Equal([1L, 2L, 3L], [first.Entry.Sequence, second.Entry.Sequence, third.Entry.Sequence]);
        Assert.Equal((AuditChain.GenesisHash, first.Hash, second.Hash), (first.PreviousHash, second.PreviousHash, third.PreviousHash));
        Assert.Equal(1_780_000_005_000, second.Entry.AtMs);
        Assert.Equal("OK, 3 entries", (await log.VerifyAsync()).Describe());
    }

    [Theory]
    [InlineData("UPDATE audit_log SET actor = 'x' WHERE seq = 1")]
    [InlineData("DELETE FROM audit_log WHERE seq = 1")]
    public async Task RawWrite_WhileTriggersStand_Refused(string sql)
    {
        var log = new EdgeAuditLog(_files.Database, _time);
        await log.AppendAsync("canbo", AuditActions.Viewed, "d1", null);

        var error = await Assert.ThrowsAsync<SqliteException>(() => _files.ExecuteAsync(sql));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await _files.ScalarAsync("SELECT COUNT(*) FROM audit_log"));
    }

    [Fact]
    public async Task VerifyAsync_EntryEditedAfterDroppingTheTrigger_NamesThatSequence()
    {
        var log = new EdgeAuditLog(_files.Database, _time);
        for (var i = 0; i < 6; i++)
        {
            await log.AppendAsync("canbo", AuditActions.Viewed, $"d{i}", null);
        }

        await _files.ExecuteAsync("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET subject = 'khac' WHERE seq = 4");

        Assert.Equal(new AuditVerification(3, new AuditChainBreak(4, AuditBreakReason.HashMismatch)), await log.VerifyAsync());
    }

    [Fact]
    public async Task VerifyAsync_EntryDeletedAfterDroppingTheTrigger_NamesTheGap()
    {
        var log = new EdgeAuditLog(_files.Database, _time);
        for (var i = 0; i < 4; i++)
        {
            await log.AppendAsync("canbo", AuditActions.Viewed, $"d{i}", null);
        }

        await _files.ExecuteAsync("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 2");

        Assert.Equal(new AuditChainBreak(3, AuditBreakReason.SequenceGap), (await log.VerifyAsync()).Break);
    }

    [Fact]
    public async Task ReadPositionAsync_SameFileReopened_SameChainIdAndAck()
    {
        var log = new EdgeAuditLog(_files.Database, _time);
        await log.AppendAsync("canbo", AuditActions.Viewed, "d1", null);
        await log.SetHubAckedAsync(1);

        var reopened = await new EdgeAuditLog(_files.Database, _time).ReadPositionAsync();

        Assert.Equal(await log.ReadPositionAsync(), reopened);
        Assert.Equal(1, reopened.HubAcked);
    }
}
