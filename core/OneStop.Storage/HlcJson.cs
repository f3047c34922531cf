using System.Text.Json;
using OneStop.Core.Clock;

namespace OneStop.Storage;

/// <summary>Writes and reads an HLC reading as a compact JSON array [wall, counter, node].</summary>
internal static class HlcJson
{
    public static void Write(Utf8JsonWriter writer, HlcTimestamp value)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.WallMs);
        writer.WriteNumberValue(value.Counter);
        writer.WriteStringValue(value.Node);
        writer.WriteEndArray();
    }

    public static HlcTimestamp Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() != 3)
        {
            return HlcTimestamp.Zero;
        }

        return new HlcTimestamp(element[0].GetInt64(), element[1].GetInt32(), element[2].GetString() ?? string.Empty);
    }
}
