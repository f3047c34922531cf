using System.Buffers;
using System.Text;
using System.Text.Json;

namespace OneStop.Protocol.Mapping;

/// <summary>
/// Whether a pushed field value is one JSON value, read token by token. The hub checks every value of every push:
/// building a <see cref="JsonDocument"/> for it rented and cleared a metadata buffer per value and was a sixth of the
/// hub's samples during ingest; the reader accepts and refuses exactly what that parse did (default options: one
/// value, no comments, no trailing commas, depth 64) without allocating.
/// </summary>
internal static class JsonValueCheck
{
    // Field values are short (a name, a date, a small object): these go through the stack.
    private const int StackBytes = 512;

    public static bool IsJson(string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var buffer = length <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            return IsJson(buffer[..Encoding.UTF8.GetBytes(text, buffer)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool IsJson(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, isFinalBlock: true, state: default);
        try
        {
            // The reader throws on anything that is not one whole value, trailing content included.
            while (reader.Read())
            {
            }

            return reader.BytesConsumed > 0 && reader.CurrentDepth == 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
