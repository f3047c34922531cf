using System.Text.Json;
using OneStop.Core.Changes;

namespace OneStop.Simulation;

/// <summary>
/// The merge rules of docs/sync-merge-rules.md restated from the document, not from core's code, so the
/// end-state check does not grade the merge with itself: which write of a field wins, and which pairs of
/// writes that did not see each other are conflicts (whether they saw each other comes from
/// <see cref="CausalHistory"/>, never from versions). Also the life cycle the workload follows.
/// </summary>
public static class RuleOracle
{
    private static readonly Dictionary<string, int> Ranks = new(StringComparer.Ordinal)
    {
        ["draft"] = 0,
        ["received"] = 1,
        ["processing"] = 2,
        ["supplement_requested"] = 2,
        ["withdrawn"] = 3,
        ["approved"] = 4,
        ["rejected"] = 4,
        ["result_returned"] = 5,
    };

    // DESIGN.md: draft → received → processing ⇄ supplement requested → approved | rejected → result
    // returned; withdrawn from any state before a decision.
    private static readonly Dictionary<string, string[]> Moves = new(StringComparer.Ordinal)
    {
        ["draft"] = ["received", "withdrawn"],
        ["received"] = ["processing", "withdrawn"],
        ["processing"] = ["supplement_requested", "approved", "rejected", "withdrawn"],
        ["supplement_requested"] = ["processing", "withdrawn"],
        ["approved"] = ["result_returned"],
        ["rejected"] = ["result_returned"],
        ["result_returned"] = [],
        ["withdrawn"] = [],
    };

    public static IReadOnlyList<string> MovesFrom(string? status) =>
        status is not null && Moves.TryGetValue(status, out var next) ? next : [];

    /// <summary>The status a write carries, or null for a deletion or anything unreadable.</summary>
    public static string? StatusOf(FieldChange write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (write.Deleted || write.Json is null)
        {
            return null;
        }

        try
        {
            var name = JsonSerializer.Deserialize<string>(write.Json);
            return name is not null && Ranks.ContainsKey(name) ? name : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static int RankOf(FieldChange write) => StatusOf(write) is { } status ? Ranks[status] : -1;

    /// <summary>Whether the life cycle leads from one status to the other in one or more moves.</summary>
    public static bool Leads(string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(MovesFrom(from));
        while (pending.TryDequeue(out var next))
        {
            if (next == to)
            {
                return true;
            }

            if (seen.Add(next))
            {
                foreach (var after in MovesFrom(next))
                {
                    pending.Enqueue(after);
                }
            }
        }

        return false;
    }

    public static bool IsStatus(string recordType, string field) => recordType == RecordTypes.Dossier && field == "status";

    /// <summary>"&lt;collection&gt;/&lt;element id&gt;": written once, the first write stands.</summary>
    public static bool IsElement(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var slash = field.IndexOf('/', StringComparison.Ordinal);
        return !field.StartsWith('~') && slash > 0 && slash < field.Length - 1;
    }

    /// <summary>Whether write <paramref name="a"/> beats <paramref name="b"/> for the field's rule.</summary>
    public static bool Beats(string recordType, string field, FieldChange a, FieldChange b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (IsStatus(recordType, field) && RankOf(a) != RankOf(b))
        {
            return RankOf(a) > RankOf(b);
        }

        if (a.Version != b.Version)
        {
            // Append once: the lowest version stands; everything else: the highest.
            return IsElement(field) ? a.Version < b.Version : a.Version > b.Version;
        }

        // Equal versions only come from a faulty origin: "by value".
        if (a.Deleted != b.Deleted)
        {
            return b.Deleted;
        }

        var byValue = string.CompareOrdinal(a.Json, b.Json);
        return byValue != 0 ? byValue > 0 : a.Replaced > b.Replaced;
    }

    public static FieldChange Winner(string recordType, string field, IEnumerable<FieldChange> writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var all = writes.ToList();
        FieldChange? best = null;
        foreach (var write in all)
        {
            // A status write that another write saw (a resolution, a later move) is out of the running.
            if (IsStatus(recordType, field) && all.Exists(other => other.Version > write.Version && other.Replaced >= write.Version))
            {
                continue;
            }

            if (best is null || Beats(recordType, field, write, best))
            {
                best = write;
            }
        }

        return best ?? throw new ArgumentException("A field has at least one write.", nameof(writes));
    }

    public static bool SameValue(FieldChange a, FieldChange b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Deleted == b.Deleted && (a.Deleted || string.Equals(a.Json, b.Json, StringComparison.Ordinal));
    }

    public static bool SameWrite(FieldChange a, FieldChange b) =>
        a.Name == b.Name && a.Version == b.Version && a.Replaced == b.Replaced && SameValue(a, b);

    /// <summary>
    /// Whether two writes that did not see each other leave something to review: different values, and
    /// not two statuses on one path with different ranks. Whether they saw each other is not judged here:
    /// <see cref="CausalHistory"/> knows it from the run itself.
    /// </summary>
    public static bool Disagree(string recordType, string field, FieldChange a, FieldChange b)
    {
        if (SameValue(a, b))
        {
            return false;
        }

        if (!IsStatus(recordType, field))
        {
            return true;
        }

        var first = StatusOf(a);
        var second = StatusOf(b);
        if (first is null || second is null || Ranks[first] == Ranks[second])
        {
            return true;
        }

        var onePath = Ranks[first] < Ranks[second] ? Leads(first, second) : Leads(second, first);
        return !onePath;
    }
}
