using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Merge;

namespace OneStop.Core.Repair;

/// <summary>
/// Which writes the hub takes from a node's repair. Repair carries writes by other nodes (ones that may be
/// gone), so the hub cannot check who wrote them; it can only bound what a lying node could plant:
/// nothing outside the caller's commune, no reference data, nothing in the caller's own name (its own
/// writes travel by push, acknowledged and clamped), and no version further ahead of the hub's clock than
/// a push would be allowed before clamping. Writes in another node's or the hub's name are taken (an admin's
/// resolution lost with a restored hub must come back from the nodes): a node could forge that attribution
/// and an old date, but it could already write any field of its commune's records in its own name.
/// </summary>
public static class RepairAdmission
{
    /// <summary>Why a record may not be repaired by this node at all; null when it may.</summary>
    public static string? RefuseRecord(ChangeEntry record, string communeCode)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Scope != communeCode)
        {
            return $"record {record.RecordId} is in scope '{record.Scope}'; the node may repair only commune {communeCode}";
        }

        return RecordTypes.IsReference(record.RecordType)
            ? $"record {record.RecordId} is reference data ({record.RecordType}), which only the hub writes"
            : null;
    }

    /// <summary>Why one write of a repaired record is not taken; null when it is.</summary>
    public static string? RefuseWrite(FieldChange write, string callerNode, long hubPhysicalMs, long maxAheadMs)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (FieldHistory.IsReserved(write.Name))
        {
            return $"'{write.Name}' is a reserved name";
        }

        if (string.IsNullOrEmpty(write.Version.Node))
        {
            return $"write of '{write.Name}' names no writer";
        }

        if (write.Version.Node == callerNode)
        {
            return $"write of '{write.Name}' is the caller's own, which travels by push";
        }

        return write.Version.WallMs > ClockPolicy.AcceptedUntilMs(hubPhysicalMs, maxAheadMs)
            ? $"write of '{write.Name}' is dated {write.Version.WallMs}, past what the hub accepts now"
            : null;
    }
}
