using System.Text;

namespace OneStop.Protocol.Transport;

/// <summary>
/// The percent-encoding of grpc-message: UTF-8 bytes outside printable ASCII, and '%' itself, become %XX,
/// so Vietnamese text survives HTTP/2 header rules.
/// </summary>
internal static class GrpcStatusMessage
{
    public static string Encode(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public static string Decode(string? encoded) => string.IsNullOrEmpty(encoded) ? string.Empty : Uri.UnescapeDataString(encoded);
}
