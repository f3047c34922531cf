using System.Text;
using OneStop.Core.Audit;

namespace OneStop.Core.Tests.Audit;

public sealed class AuditChainTests
{
    private const string Dossier = "0194c2a0-0000-7000-8000-000000000001";

    // Computed outside the code under test: `printf 'onestop-audit-v1\n1:1\n...' | sha256sum` over the bytes below.
    private const string FirstHash = "6b30b5382f809a5e50ce0b7d4b1809bc8622499e28886b99290e67ac49365042";
    private const string SecondHash = "b980c969cda5cbd6ca44f6e9fb76f2f3d187848fb1f2d7d4615596aaf5915da7";

    private static readonly string Zeros = new('0', 64);

    [Fact]
    public void CanonicalBytes_FirstEntry_AreTheDocumentedLayout()
    {
        var entry = new AuditEntry(1, 1_780_000_000_000, "lan", AuditActions.Viewed, Dossier, null);

        var text = Encoding.UTF8.GetString(AuditChain.CanonicalBytes(entry, Zeros));

        Assert.Equal($"onestop-audit-v1\n1:1\n13:1780000000000\n3:lan\n6:viewed\n36:{Dossier}\n~\n64:{Zeros}\n", text);
    }

    [Fact]
    public void Append_TwoEntries_HashesMatchSha256sum()
    {
        var first = AuditChain.Append(null, 1_780_000_000_000, "lan", AuditActions.Viewed, Dossier, null);
        var second = AuditChain.Append(first, 1_780_000_060_000, "Nguyễn Văn A", AuditActions.Printed, Dossier, "slip");

        Assert.Equal((1, Zeros, FirstHash), (first.Entry.Sequence, first.PreviousHash, first.Hash));
        Assert.Equal((2, FirstHash, SecondHash), (second.Entry.Sequence, second.PreviousHash, second.Hash));
    }

    [Fact]
    public void CanonicalBytes_NullAndEmptyDetail_Differ()
    {
        var withNull = new AuditEntry(1, 1, "a", AuditActions.Changed, "s", null);

        Assert.NotEqual(AuditChain.HashOf(withNull, Zeros), AuditChain.HashOf(withNull with { Detail = "" }, Zeros));
    }

    [Fact]
    public void CanonicalBytes_NewlineMovedBetweenFields_Differ()
    {
        var one = new AuditEntry(1, 1, "a\nb", AuditActions.Changed, "s", null);
        var other = new AuditEntry(1, 1, "a", AuditActions.Changed, "b\ns", null);

        Assert.NotEqual(AuditChain.HashOf(one, Zeros), AuditChain.HashOf(other, Zeros));
    }

    [Fact]
    public void Verify_IntactChain_ReturnsNull()
    {
        Assert.Null(AuditChain.Verify(Chain(5)));
    }

    [Fact]
    public void Verify_EditedDetail_ReportsThatSequenceAsHashMismatch()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Entry = chain[2].Entry with { Detail = "nothing to see" } };

        Assert.Equal(new AuditChainBreak(3, AuditBreakReason.HashMismatch), AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_EntryRehashedAfterEdit_NextEntryReportsPreviousHashMismatch()
    {
        var chain = Chain(5);
        var edited = chain[1].Entry with { Actor = "someone else" };
        chain[1] = chain[1] with { Entry = edited, Hash = AuditChain.HashOf(edited, chain[1].PreviousHash) };

        Assert.Equal(new AuditChainBreak(3, AuditBreakReason.PreviousHashMismatch), AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_EntryRemoved_ReportsTheGap()
    {
        var chain = Chain(5);
        chain.RemoveAt(3);

        Assert.Equal(new AuditChainBreak(5, AuditBreakReason.SequenceGap), AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_FromTrustedPoint_ChecksOnlyTheRest()
    {
        var chain = Chain(5);

        Assert.Null(AuditChain.Verify(chain.Skip(3), chain[2].Hash, 3));
        Assert.Equal(new AuditChainBreak(4, AuditBreakReason.PreviousHashMismatch), AuditChain.Verify(chain.Skip(3), chain[1].Hash, 3));
    }

    [Fact]
    public async Task OfPagesAsync_BreakInSecondPage_CountsOnlyTheEntriesBeforeIt()
    {
        var chain = Chain(7);
        chain[4] = chain[4] with { Entry = chain[4].Entry with { Actor = "khac" } };

        var result = await AuditVerification.OfPagesAsync((after, max) => Task.FromResult<IReadOnlyList<ChainedAuditEntry>>([.. chain.Where(e => e.Entry.Sequence > after).Take(max)]), pageSize: 3);

        Assert.Equal(new AuditVerification(4, new AuditChainBreak(5, AuditBreakReason.HashMismatch)), result);
        Assert.Equal("BROKEN at sequence 5: HashMismatch", result.Describe());
    }

    [Fact]
    public async Task OfPagesAsync_ExactlyFullPages_OkWithEveryEntryCounted()
    {
        var chain = Chain(6);

        var result = await AuditVerification.OfPagesAsync((after, max) => Task.FromResult<IReadOnlyList<ChainedAuditEntry>>([.. chain.Where(e => e.Entry.Sequence > after).Take(max)]), pageSize: 3);

        Assert.Equal("OK, 6 entries", result.Describe());
    }

    private static List<ChainedAuditEntry> Chain(int count)
    {
        var list = new List<ChainedAuditEntry>();
        for (var i = 0; i < count; i++)
        {
            list.Add(AuditChain.Append(list.LastOrDefault(), 1_780_000_000_000 + i, "lan", AuditActions.All[i % AuditActions.All.Count], Dossier, $"d{i}"));
        }

        return list;
    }
}
