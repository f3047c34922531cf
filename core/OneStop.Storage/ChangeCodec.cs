using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Core.Merge;

namespace OneStop.Storage;

/// <summary>
/// JSON text forms of field versions and change entries as both stores keep them. The field value
/// itself is stored as raw JSON so a record's data stays queryable with SQLite's json1 functions.
/// </summary>
public static class ChangeCodec
{
    /// <summary>
    /// A record's field map. Keys are kept as they are: the merge keeps superseded writes under
    /// reserved keys, whose write still names the field it belongs to.
    /// </summary>
    public static string EncodeFields(IReadOnlyDictionary<string, FieldChange> fields) =>
        Encode(writer => WriteFields(writer, fields.Select(pair => (pair.Key, pair.Value))));

    public static Dictionary<string, FieldChange> DecodeFields(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ReadFields(document.RootElement);
    }

    /// <summary>The live values only ({name: value}), for json1 queries and for reading a record quickly.</summary>
    public static string EncodeValues(StoredRecord record) => Encode(writer =>
    {
        writer.WriteStartObject();
        foreach (var field in record.CurrentFields.Where(f => !f.Deleted && f.Json is not null))
        {
            writer.WritePropertyName(field.Name);
            writer.WriteRawValue(field.Json!, skipInputValidation: false);
        }

        writer.WriteEndObject();
    });

    public static string EncodeEntry(ChangeEntry entry) => Encode(writer => WriteEntry(writer, entry));

    private static void WriteEntry(Utf8JsonWriter writer, ChangeEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteString("o", entry.OriginNode);
        if (entry.OriginIncarnation.Length > 0)
        {
            writer.WriteString("oi", entry.OriginIncarnation);
        }

        writer.WriteNumber("s", entry.OriginSeq);
        writer.WriteString("id", entry.RecordId);
        writer.WriteString("t", entry.RecordType);
        writer.WriteString("sc", entry.Scope);
        if (entry.ClockClamped)
        {
            writer.WriteBoolean("cc", true);
        }

        writer.WritePropertyName("f");
        WriteFields(writer, entry.Fields.Select(field => (field.Name, field)));
        writer.WriteEndObject();
    }

    public static ChangeEntry DecodeEntry(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new ChangeEntry(
            root.GetProperty("o").GetString()!,
            root.GetProperty("s").GetInt64(),
            root.GetProperty("id").GetGuid(),
            root.GetProperty("t").GetString()!,
            root.GetProperty("sc").GetString()!,
            [.. ReadFields(root.GetProperty("f")).Values],
            root.TryGetProperty("cc", out var clamped) && clamped.GetBoolean())
        {
            OriginIncarnation = root.TryGetProperty("oi", out var incarnation) ? incarnation.GetString()! : string.Empty,
        };
    }

    private static void WriteFields(Utf8JsonWriter writer, IEnumerable<(string Key, FieldChange Field)> fields)
    {
        writer.WriteStartObject();
        foreach (var (key, field) in fields)
        {
            writer.WriteStartObject(key);
            if (key != field.Name)
            {
                writer.WriteString("n", field.Name);
            }

            if (field.Deleted || field.Json is null)
            {
                writer.WriteBoolean("d", true);
            }
            else
            {
                writer.WritePropertyName("j");
                writer.WriteRawValue(field.Json, skipInputValidation: false);
            }

            writer.WritePropertyName("v");
            HlcJson.Write(writer, field.Version);
            writer.WritePropertyName("r");
            HlcJson.Write(writer, field.Replaced);
            if (!field.Seen.IsEmpty)
            {
                writer.WriteStartArray("s");
                foreach (var entry in field.Seen.Entries)
                {
                    HlcJson.Write(writer, entry);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static Dictionary<string, FieldChange> ReadFields(JsonElement element)
    {
        var fields = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            var deleted = value.TryGetProperty("d", out var d) && d.GetBoolean();
            var json = !deleted && value.TryGetProperty("j", out var j) ? j.GetRawText() : null;
            var name = value.TryGetProperty("n", out var n) ? n.GetString()! : property.Name;
            var seen = value.TryGetProperty("s", out var s) ? VersionVector.Of(s.EnumerateArray().Select(HlcJson.Read)) : VersionVector.Empty;
            fields[property.Name] = new FieldChange(name, json, deleted, HlcJson.Read(value.GetProperty("v")), HlcJson.Read(value.GetProperty("r")))
            {
                Seen = seen,
            };
        }

        return fields;
    }

    /// <summary>SHA-256 of <see cref="EncodeEntry"/>'s UTF-8 text, hashed from the writer's buffer without the string between.</summary>
    internal static byte[] HashEntry(ChangeEntry entry)
    {
        byte[]? hash = null;
        EncodeUtf8(writer => WriteEntry(writer, entry), utf8 => hash = SHA256.HashData(utf8));
        return hash!;
    }

    private static string Encode(Action<Utf8JsonWriter> write)
    {
        string? text = null;
        EncodeUtf8(write, utf8 => text = Encoding.UTF8.GetString(utf8));
        return text!;
    }

    // One buffer and writer per thread, reused: a new MemoryStream and writer per document grew and cleared fresh
    // arrays for every record, log entry and digest the hub encodes. Taken off the thread while in use, so a
    // document encoded inside another's callback gets its own.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    // Past this a buffer is left to the collector instead of kept per thread.
    private const int KeptBufferBytes = 64 * 1024;

    private delegate void Utf8Reader(ReadOnlySpan<byte> utf8);

    private static void EncodeUtf8(Action<Utf8JsonWriter> write, Utf8Reader read)
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(1024);
        var writer = t_writer ?? new Utf8JsonWriter(buffer);
        (t_buffer, t_writer) = (null, null);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        write(writer);
        writer.Flush();
        read(buffer.WrittenSpan);
        if (buffer.Capacity <= KeptBufferBytes)
        {
            (t_buffer, t_writer) = (buffer, writer);
        }
    }
}
