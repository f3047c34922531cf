using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Core.Dossiers;

namespace OneStop.Core.Merge;

/// <summary>
/// How far along the life cycle a dossier status stands. A status of a higher rank wins over one of a
/// lower rank whatever the clocks say; within one rank the last writer wins.
/// </summary>
/// <remarks>
/// Withdrawn ranks above every state it can be reached from (a stale "processing" cannot undo a
/// withdrawal) and below the decisions: a withdrawal is only allowed before a decision, so a decision
/// made concurrently stands and the withdrawal is kept as a conflict for staff to review.
/// </remarks>
public static class DossierStatusRank
{
    /// <summary>Rank of a deleted, unreadable or unknown status: lower than any real one.</summary>
    public const int Unknown = -1;

    private static readonly Dictionary<DossierStatus, int> Ranks = new()
    {
        [DossierStatus.Draft] = 0,
        [DossierStatus.Received] = 1,
        [DossierStatus.Processing] = 2,
        [DossierStatus.SupplementRequested] = 2,
        [DossierStatus.Withdrawn] = 3,
        [DossierStatus.Approved] = 4,
        [DossierStatus.Rejected] = 4,
        [DossierStatus.ResultReturned] = 5,
    };

    private static readonly Dictionary<DossierStatus, HashSet<DossierStatus>> Reachable = BuildReachable();

    public static int Of(DossierStatus status) => Ranks[status];

    public static int Of(FieldChange write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return TryRead(write, out var status) ? Ranks[status] : Unknown;
    }

    /// <summary>
    /// Reads the status a write carries: a JSON string ("\"processing\"") or, tolerated, the bare name.
    /// </summary>
    public static bool TryRead(FieldChange write, out DossierStatus status)
    {
        ArgumentNullException.ThrowIfNull(write);
        status = default;
        if (write.Deleted || write.Json is null)
        {
            return false;
        }

        var name = write.Json;
        if (name.StartsWith('"'))
        {
            try
            {
                name = JsonSerializer.Deserialize<string>(name);
            }
            catch (JsonException)
            {
                return false;
            }
        }

        return DossierStatusNames.TryParse(name, out status);
    }

    /// <summary>Whether the life cycle leads from <paramref name="from"/> to <paramref name="to"/> in one or more steps.</summary>
    public static bool Leads(DossierStatus from, DossierStatus to) => Reachable[from].Contains(to);

    /// <summary>
    /// Whether two statuses lie on one path of the life cycle with distinct ranks: then the higher one
    /// is simply further along, and a concurrent write of the lower one lost nothing worth reviewing.
    /// </summary>
    public static bool OnePathApart(FieldChange a, FieldChange b)
    {
        if (!TryRead(a, out var first) || !TryRead(b, out var second) || Ranks[first] == Ranks[second])
        {
            return false;
        }

        return Ranks[first] < Ranks[second] ? Leads(first, second) : Leads(second, first);
    }

    private static Dictionary<DossierStatus, HashSet<DossierStatus>> BuildReachable()
    {
        var reachable = new Dictionary<DossierStatus, HashSet<DossierStatus>>();
        foreach (var start in Enum.GetValues<DossierStatus>())
        {
            var seen = new HashSet<DossierStatus>();
            var pending = new Stack<DossierStatus>(DossierStateMachine.AllowedFrom(start));
            while (pending.TryPop(out var next))
            {
                if (seen.Add(next))
                {
                    foreach (var after in DossierStateMachine.AllowedFrom(next))
                    {
                        pending.Push(after);
                    }
                }
            }

            reachable[start] = seen;
        }

        return reachable;
    }
}
