using System.Globalization;
using OneStop.Core.Clock;

namespace OneStop.Storage;

/// <summary>Text form of an HLC reading for meta rows: "wall:counter:node".</summary>
public static class HlcText
{
    public static string Format(HlcTimestamp value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value.WallMs}:{value.Counter}:{value.Node}");

    public static HlcTimestamp Parse(string text)
    {
        var parts = text.Split(':', 3);
        if (parts.Length != 3)
        {
            throw new FormatException($"Not an HLC reading: '{text}'.");
        }

        return new HlcTimestamp(
            long.Parse(parts[0], CultureInfo.InvariantCulture),
            int.Parse(parts[1], CultureInfo.InvariantCulture),
            parts[2]);
    }
}
