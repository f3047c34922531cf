using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Protocol.Mapping;
using OneStop.Protocol.V1;

namespace OneStop.Hub.Tests.Infrastructure;

/// <summary>Hand-made pushes, as a node (honest or not) would send them.</summary>
public static class Changes
{
    public static PushRequest Push(string nodeId, params Core.Changes.ChangeEntry[] entries)
    {
        var request = new PushRequest { NodeId = nodeId };
        request.Entries.AddRange(entries.Select(ChangeMapper.ToWire));
        return request;
    }

    public static Core.Changes.ChangeEntry Dossier(string origin, long seq, string scope, string applicant, long wallMs = 1_700_000_000_000, Guid? id = null) =>
        new(origin, seq, id ?? Guid.CreateVersion7(), RecordTypes.Dossier, scope,
        [
            new Core.Changes.FieldChange("applicant_name", $"\"{applicant}\"", false, new HlcTimestamp(wallMs, 0, origin), HlcTimestamp.Zero),
            new Core.Changes.FieldChange("status", "\"received\"", false, new HlcTimestamp(wallMs, 0, origin), HlcTimestamp.Zero),
        ]);
}
