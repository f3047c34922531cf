using OneStop.Core.Audit;

namespace OneStop.Protocol.Audit;

/// <summary>Audit entries between the wire and the core's chain, the same at both ends.</summary>
public static class AuditMapping
{
    public static V1.AuditEntry ToProto(ChainedAuditEntry chained)
    {
        ArgumentNullException.ThrowIfNull(chained);
        var proto = new V1.AuditEntry
        {
            Sequence = chained.Entry.Sequence,
            AtMs = chained.Entry.AtMs,
            Actor = chained.Entry.Actor,
            Action = chained.Entry.Action,
            Subject = chained.Entry.Subject,
            PreviousHash = chained.PreviousHash,
            Hash = chained.Hash,
        };
        if (chained.Entry.Detail is { } detail)
        {
            proto.Detail = detail;
        }

        return proto;
    }

    public static ChainedAuditEntry FromProto(V1.AuditEntry proto)
    {
        ArgumentNullException.ThrowIfNull(proto);
        return new ChainedAuditEntry(
            new AuditEntry(proto.Sequence, proto.AtMs, proto.Actor, proto.Action, proto.Subject, proto.HasDetail ? proto.Detail : null),
            proto.PreviousHash,
            proto.Hash);
    }
}
