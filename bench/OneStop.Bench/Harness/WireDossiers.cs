using System.Text.Json;
using OneStop.Protocol.V1;

namespace OneStop.Bench.Harness;

/// <summary>Change-log entries as an edge node would push them, built straight on the wire types for the fleet scenarios.</summary>
internal sealed class WireDossiers(DossierFactory factory, string nodeId, string commune)
{
    private long _seq;
    private int _counter;

    public long LastSeq => _seq;

    /// <summary>A new dossier: every field written once with this node's clock.</summary>
    public ChangeEntry Create(long wallMs)
    {
        var body = factory.Next();
        var entry = Entry(Guid.CreateVersion7(), wallMs);
        Add(entry, "procedure_code", body["procedureCode"]!.GetValue<string>(), wallMs);
        Add(entry, "applicant_name", body["applicantName"]!.GetValue<string>(), wallMs);
        Add(entry, "status", "received", wallMs);
        Add(entry, "created_at", DateTimeOffset.FromUnixTimeMilliseconds(wallMs).ToString("O", System.Globalization.CultureInfo.InvariantCulture), wallMs);
        foreach (var (key, value) in body["form"]!.AsObject())
        {
            // A resident without a phone leaves that answer empty; the node would not send a field it never wrote.
            if (value is not null)
            {
                Add(entry, "form." + key, value.GetValue<string>(), wallMs);
            }
        }

        return entry;
    }

    /// <summary>
    /// A correction of a record another node of the same commune also corrects without seeing this write:
    /// a concurrent write the hub's merge must detect as a conflict.
    /// </summary>
    public ChangeEntry Correct(Guid recordId, long wallMs)
    {
        var entry = Entry(recordId, wallMs);
        Add(entry, "applicant_name", $"Lò Thị Mai (sửa bởi {nodeId})", wallMs);
        return entry;
    }

    private ChangeEntry Entry(Guid id, long wallMs) => new()
    {
        OriginNode = nodeId,
        OriginSeq = ++_seq,
        RecordId = id.ToString(),
        RecordType = "dossier",
        Scope = commune,
    };

    private void Add(ChangeEntry entry, string name, string value, long wallMs) => entry.Fields.Add(new FieldChange
    {
        Name = name,
        JsonValue = JsonSerializer.Serialize(value),
        Version = new Hlc { WallMs = wallMs, Counter = _counter++, Node = nodeId },
    });
}
