using System.Globalization;

namespace OneStop.Core.Audit;

/// <summary>The outcome of checking a whole chain: how many entries held, and the first broken link if any.</summary>
public sealed record AuditVerification(long Entries, AuditChainBreak? Break)
{
    public bool Holds => Break is null;

    /// <summary>
    /// Checks a whole chain read a page at a time (<paramref name="readAfter"/> gives the entries after a sequence,
    /// oldest first, at most <paramref name="pageSize"/>), so a long log is never held in memory at once.
    /// </summary>
    public static async Task<AuditVerification> OfPagesAsync(Func<long, int, Task<IReadOnlyList<ChainedAuditEntry>>> readAfter, int pageSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(readAfter);
        ChainedAuditEntry? last = null;
        long count = 0;
        while (true)
        {
            var page = await readAfter(last?.Entry.Sequence ?? 0, pageSize).ConfigureAwait(false);
            if (AuditChain.Verify(page, last?.Hash, last?.Entry.Sequence ?? 0) is { } broken)
            {
                return new AuditVerification(count + page.TakeWhile(e => e.Entry.Sequence < broken.Sequence).Count(), broken);
            }

            count += page.Count;
            if (page.Count < pageSize)
            {
                return new AuditVerification(count, null);
            }

            last = page[^1];
        }
    }

    /// <summary>One line for a terminal or a log: <c>OK, 12 entries</c> or <c>BROKEN at sequence 7: HashMismatch</c>.</summary>
    public string Describe() => Break is { } broken
        ? string.Create(CultureInfo.InvariantCulture, $"BROKEN at sequence {broken.Sequence}: {broken.Reason}")
        : string.Create(CultureInfo.InvariantCulture, $"OK, {Entries} entries");
}
