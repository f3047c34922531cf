using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Merge;
using OneStop.Protocol.V1;
using DomainChange = OneStop.Core.Changes.ChangeEntry;
using DomainField = OneStop.Core.Changes.FieldChange;
using WireChange = OneStop.Protocol.V1.ChangeEntry;
using WireField = OneStop.Protocol.V1.FieldChange;

namespace OneStop.Protocol.Mapping;

/// <summary>
/// The one place where generated protobuf types meet the domain: hosts map at the transport
/// boundary and work with core types everywhere else.
/// </summary>
public static class ChangeMapper
{
    public static Hlc ToWire(HlcTimestamp value) => new() { WallMs = value.WallMs, Counter = value.Counter, Node = value.Node ?? string.Empty };

    public static HlcTimestamp ToDomain(Hlc? value) =>
        value is null ? HlcTimestamp.Zero : new HlcTimestamp(value.WallMs, value.Counter, value.Node);

    public static WireChange ToWire(DomainChange change)
    {
        var wire = new WireChange
        {
            OriginNode = change.OriginNode,
            OriginSeq = change.OriginSeq,
            RecordId = change.RecordId.ToString(),
            RecordType = change.RecordType,
            Scope = change.Scope,
            ClockClamped = change.ClockClamped,
            OriginIncarnation = change.OriginIncarnation,
            Quarantined = change.Quarantined,
        };
        foreach (var field in change.Fields)
        {
            var wireField = new WireField
            {
                Name = field.Name,
                JsonValue = field.Json ?? string.Empty,
                Deleted = field.Deleted || field.Json is null,
                Version = ToWire(field.Version),
                Replaced = ToWire(field.Replaced),
            };
            AddSeen(wireField, field);
            wire.Fields.Add(wireField);
        }

        return wire;
    }

    /// <summary>Maps a wire change to the domain; a malformed one (bad id, empty names) is refused with a reason.</summary>
    public static bool TryToDomain(WireChange wire, out DomainChange change, out string error)
    {
        change = null!;
        if (!Guid.TryParse(wire.RecordId, out var id))
        {
            error = $"record id '{wire.RecordId}' is not a UUID";
            return false;
        }

        if (string.IsNullOrEmpty(wire.OriginNode) || string.IsNullOrEmpty(wire.RecordType) || string.IsNullOrEmpty(wire.Scope))
        {
            error = $"entry {wire.OriginSeq} lacks origin, type or scope";
            return false;
        }

        var fields = new List<DomainField>(wire.Fields.Count);
        foreach (var field in wire.Fields)
        {
            if (string.IsNullOrEmpty(field.Name))
            {
                error = $"entry {wire.OriginSeq} has a field without a name";
                return false;
            }

            if (!field.Deleted && !IsJson(field.JsonValue))
            {
                error = $"entry {wire.OriginSeq} field '{field.Name}' is not a JSON value";
                return false;
            }

            var replaced = ToDomain(field.Replaced);
            fields.Add(new DomainField(
                field.Name,
                field.Deleted ? null : field.JsonValue,
                field.Deleted,
                ToDomain(field.Version),
                replaced)
            {
                Seen = SeenOf(field, replaced),
            });
        }

        change = new DomainChange(wire.OriginNode, wire.OriginSeq, id, wire.RecordType, wire.Scope, fields, wire.ClockClamped, wire.Quarantined) { OriginIncarnation = wire.OriginIncarnation };
        error = string.Empty;
        return true;
    }

    /// <summary>
    /// The writer's vector without the entry that repeats <see cref="DomainField.Replaced"/> (the newest
    /// version held is nearly always the newest of its node): an edit after one other write costs two bytes.
    /// </summary>
    private static void AddSeen(WireField wire, DomainField field)
    {
        var entries = field.Seen.Entries;
        wire.SeenIncludesReplaced = entries.Contains(field.Replaced);
        foreach (var entry in entries)
        {
            if (!wire.SeenIncludesReplaced || entry != field.Replaced)
            {
                wire.Seen.Add(ToWire(entry));
            }
        }
    }

    // Most writes saw nothing before them: no iterator, no dictionary for those.
    private static VersionVector SeenOf(WireField field, HlcTimestamp replaced)
    {
        if (field.Seen.Count == 0)
        {
            return field.SeenIncludesReplaced ? VersionVector.Of([replaced]) : VersionVector.Empty;
        }

        var seen = new List<HlcTimestamp>(field.Seen.Count + 1);
        foreach (var wire in field.Seen)
        {
            seen.Add(ToDomain(wire));
        }

        if (field.SeenIncludesReplaced)
        {
            seen.Add(replaced);
        }

        return VersionVector.Of(seen);
    }

    private static bool IsJson(string text) => JsonValueCheck.IsJson(text);

    public static HubEntry ToWire(HubLogEntry entry) => new() { HubSeq = entry.HubSeq, Change = ToWire(entry.Change) };
}
