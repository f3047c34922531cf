using OneStop.Core.Changes;
using OneStop.Storage;

namespace OneStop.Hub.Store;

/// <summary>
/// The part of a push that needs no lock, done on the request's own thread before it queues for the one writer: the
/// digest of each entry as its origin sent it and its log text sealed under the province key. With 200 nodes pushing,
/// these ran inside the writer, one batch at a time, while the other core waited for it.
/// </summary>
public sealed partial class HubStore
{
    private async Task<PreparedPush> PreparePushAsync(IReadOnlyList<ChangeEntry> entries, CancellationToken cancellationToken)
    {
        var ordered = entries.OrderBy(e => e.OriginSeq).ToList();
        var digests = ordered.Select(ChangeDigest.Compute).ToArray();

        // A batch carrying a procedure may mark new form keys personal when its record is saved, inside the writer:
        // its entries are sealed there, after that, as before.
        if (ordered.Any(e => e.RecordType == RecordTypes.Procedure))
        {
            return new PreparedPush(ordered, digests, null);
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var marks = RecordSealing.Of(connection)?.MarkedFormKeys;
        return new PreparedPush(ordered, digests, [.. ordered.Select(e => RecordSealing.EncodeEntry(connection, e))]) { Marks = marks };
    }

    /// <summary>A batch in seq order with each entry's digest and, where it could be done ahead, its sealed log text.</summary>
    private sealed record PreparedPush(IReadOnlyList<ChangeEntry> Ordered, string[] Digests, string[]? SealedLog)
    {
        /// <summary>The personal form keys the log texts were sealed under (the set is swapped whole when it grows).</summary>
        public IReadOnlySet<string>? Marks { get; init; }

        /// <summary>
        /// The log entry of the <paramref name="index"/>th entry as the writer accepted it: its text sealed ahead only when
        /// the writer kept the entry as it came (not clamped) and no schema marked more keys personal in between.
        /// </summary>
        public PendingLogEntry LogEntry(int index, ChangeEntry accepted, IReadOnlySet<string>? marksNow) =>
            new(accepted, Digests[index])
            {
                Stored = SealedLog is { } texts && ReferenceEquals(accepted, Ordered[index]) && ReferenceEquals(marksNow, Marks) ? texts[index] : null,
            };
    }
}
