namespace OneStop.Core.Repair;

/// <summary>
/// Range-by-range comparison of two replicas' records of a scope (anti-entropy). The asker sends its summary of
/// some ranges (first the whole scope); the responder answers only the ranges where it differs, with its
/// sub-ranges or, once a range holds few records, the records themselves; the asker asks again for the
/// sub-ranges that differ. An in-sync scope costs one summary each way; a difference costs one round per
/// level down to it. Both ends run this code, so they agree on ranges and hashes.
/// </summary>
public static class DigestExchange
{
    /// <summary>Default largest range answered with its records instead of sub-ranges: 32.</summary>
    public const int DefaultLeafLimit = 32;

    /// <summary>The responder's answer to the asker's summaries: one difference per range that differs.</summary>
    public static IReadOnlyList<DigestDifference> Answer(DigestTree mine, IEnumerable<DigestRange> theirs, int leafLimit = DefaultLeafLimit)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(theirs);
        var answers = new List<DigestDifference>();
        foreach (var their in theirs)
        {
            var range = new DigestRange(their.Prefix & DigestRange.Mask(their.Depth), Math.Clamp(their.Depth, 0, DigestRange.MaxDepth), 0, 0);
            var own = mine.Summarise(range);
            if (own.SameContent(their))
            {
                continue;
            }

            if (Math.Max(own.Count, their.Count) <= leafLimit || range.Depth >= DigestRange.MaxDepth)
            {
                answers.Add(new DigestDifference(own, [], mine.Slice(range).ToArray()));
            }
            else
            {
                var children = range.ChildRanges().Select(mine.Summarise).Where(child => child.Count > 0).ToList();
                answers.Add(new DigestDifference(own, children, null));
            }
        }

        return answers;
    }

    /// <summary>The asker's next step from the responder's answers: ranges to ask about, records to send and to fetch.</summary>
    public static DigestStep Next(DigestTree mine, IEnumerable<DigestDifference> answers)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(answers);
        var ask = new List<DigestRange>();
        var send = new List<Guid>();
        var fetch = new List<Guid>();
        foreach (var answer in answers)
        {
            if (answer.Leaves is { } leaves)
            {
                Compare(mine.Slice(answer.Range), leaves, send, fetch);
                continue;
            }

            foreach (var child in answer.Range.ChildRanges())
            {
                var own = mine.Summarise(child);
                var their = answer.Children.FirstOrDefault(c => c.SameRange(child), child.Empty);
                if (!own.SameContent(their))
                {
                    ask.Add(own);
                }
            }
        }

        return new DigestStep(ask, send, fetch);
    }

    private static void Compare(ReadOnlySpan<DigestLeaf> own, IReadOnlyList<DigestLeaf> theirs, List<Guid> send, List<Guid> fetch)
    {
        var their = theirs.ToDictionary(leaf => leaf.Id, leaf => leaf.Hash);
        foreach (var leaf in own)
        {
            if (!their.Remove(leaf.Id, out var hash))
            {
                send.Add(leaf.Id);
            }
            else if (hash != leaf.Hash)
            {
                // Each holds writes the other may lack: the merge of both copies is what both should hold.
                send.Add(leaf.Id);
                fetch.Add(leaf.Id);
            }
        }

        fetch.AddRange(their.Keys);
    }
}

/// <summary>What the asker does next: ask about <paramref name="Ask"/> (empty: done), send and fetch these records.</summary>
public sealed record DigestStep(IReadOnlyList<DigestRange> Ask, IReadOnlyList<Guid> Send, IReadOnlyList<Guid> Fetch);
