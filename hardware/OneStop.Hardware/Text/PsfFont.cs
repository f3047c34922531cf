using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace OneStop.Hardware.Text;

/// <summary>
/// A PC Screen Font v2 (the Linux console font format, e.g. console-setup's <c>/usr/share/consolefonts/*.psf.gz</c>).
/// Used to draw Vietnamese text as a raster image on printers whose character tables lack it; the font is a
/// file on the appliance, so any font with the Vietnamese precomposed letters can be configured.
/// </summary>
public sealed class PsfFont : IBitmapFont
{
    private const uint Magic = 0x864AB572;
    private const uint HasUnicodeTable = 0x1;
    private readonly byte[] _glyphs;
    private readonly Dictionary<string, int> _glyphByText;

    private PsfFont(int width, int height, int bytesPerGlyph, byte[] glyphs, Dictionary<string, int> glyphByText)
    {
        Width = width;
        Height = height;
        BytesPerGlyph = bytesPerGlyph;
        _glyphs = glyphs;
        _glyphByText = glyphByText;
    }

    public int Width { get; }

    public int Height { get; }

    public int BytesPerGlyph { get; }

    public static PsfFont Load(string path)
    {
        using var file = File.OpenRead(path);
        using Stream source = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var memory = new MemoryStream();
        source.CopyTo(memory);
        return Parse(memory.ToArray());
    }

    public static PsfFont Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length < 32 || BinaryPrimitives.ReadUInt32LittleEndian(data) != Magic)
        {
            throw new InvalidDataException("not a PSF2 font");
        }

        var headerSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[8..]);
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(data[12..]);
        var count = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[16..]);
        var bytesPerGlyph = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[20..]);
        var height = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[24..]);
        var width = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[28..]);
        var glyphEnd = headerSize + (count * bytesPerGlyph);
        if (glyphEnd > data.Length || bytesPerGlyph != height * ((width + 7) / 8))
        {
            throw new InvalidDataException("truncated or inconsistent PSF2 font");
        }

        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        if ((flags & HasUnicodeTable) != 0)
        {
            ReadUnicodeTable(data[glyphEnd..], count, map);
        }
        else
        {
            for (var i = 0; i < Math.Min(count, 128); i++)
            {
                map[((char)i).ToString()] = i;
            }
        }

        return new PsfFont(width, height, bytesPerGlyph, data[headerSize..glyphEnd].ToArray(), map);
    }

    /// <summary>Looks up a text element (a precomposed letter, or base + combining marks when the font lists that sequence).</summary>
    public bool TryGetGlyph(string textElement, out ReadOnlySpan<byte> glyph)
    {
        if (_glyphByText.TryGetValue(textElement.Normalize(NormalizationForm.FormC), out var index)
            || _glyphByText.TryGetValue(textElement, out index))
        {
            glyph = _glyphs.AsSpan(index * BytesPerGlyph, BytesPerGlyph);
            return true;
        }

        glyph = default;
        return false;
    }

    private static void ReadUnicodeTable(ReadOnlySpan<byte> table, int count, Dictionary<string, int> map)
    {
        // Per glyph: UTF-8 code points, then optional 0xFE-prefixed sequences, terminated by 0xFF.
        var glyph = 0;
        var position = 0;
        while (glyph < count && position < table.Length)
        {
            var end = table[position..].IndexOf((byte)0xFF);
            if (end < 0)
            {
                break;
            }

            var entry = table.Slice(position, end);
            var singles = entry;
            var sequenceStart = entry.IndexOf((byte)0xFE);
            if (sequenceStart >= 0)
            {
                singles = entry[..sequenceStart];
                foreach (var sequence in Encoding.UTF8.GetString(entry[(sequenceStart + 1)..]).Split('\uFFFD', StringSplitOptions.RemoveEmptyEntries))
                {
                    map.TryAdd(sequence, glyph);
                }
            }

            foreach (var rune in Encoding.UTF8.GetString(singles).EnumerateRunes())
            {
                map.TryAdd(rune.ToString(), glyph);
            }

            position += end + 1;
            glyph++;
        }
    }
}
