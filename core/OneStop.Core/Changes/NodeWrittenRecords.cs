using OneStop.Core.Accounts;
using OneStop.Core.Nodes;

namespace OneStop.Core.Changes;

/// <summary>
/// The reference types a node may write too, within bounds the hub checks on every push: its own settings
/// (<see cref="RecordTypes.NodeConfig"/>) and its commune's accounts (<see cref="RecordTypes.StaffAccount"/>).
/// The catalogue stays the hub's alone.
/// </summary>
public static class NodeWrittenRecords
{
    public static bool IsNodeWritable(string type) => type is RecordTypes.NodeConfig or RecordTypes.StaffAccount;

    /// <summary>Why <paramref name="nodeId"/> of <paramref name="communeCode"/> may not push this entry; null when it may (or the type is not one of these).</summary>
    public static string? Refuse(string nodeId, string communeCode, ChangeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.RecordType switch
        {
            RecordTypes.NodeConfig => RefuseNodeConfig(nodeId, communeCode, entry),
            RecordTypes.StaffAccount => StaffAccountRules.RefuseFromNode(entry, communeCode),
            _ => null,
        };
    }

    private static string? RefuseNodeConfig(string nodeId, string communeCode, ChangeEntry entry)
    {
        if (entry.RecordId != NodeConfigFields.RecordId(nodeId))
        {
            return $"record {entry.RecordId} is not the settings of node '{nodeId}': a node writes only its own";
        }

        var commune = entry.Fields.FirstOrDefault(f => f.Name == NodeConfigFields.CommuneCode && !f.Deleted);
        return commune is not null && StaffAccountRules.JsonText(commune.Json) != communeCode
            ? $"commune_code {commune.Json} is not the node's commune {communeCode}"
            : null;
    }
}
