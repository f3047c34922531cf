namespace OneStop.Hardware.CardReader.Icao;

/// <summary>EF.COM: LDS version, Unicode version and which data groups the chip holds.</summary>
public sealed record EfCom(string LdsVersion, string UnicodeVersion, IReadOnlyList<int> DataGroups)
{
    public static EfCom Parse(ReadOnlyMemory<byte> file)
    {
        var root = BerTlv.ReadOne(file, out _);
        if (root.Tag != LdsFiles.ComTag)
        {
            throw new InvalidDataException($"EF.COM starts with tag {root.Tag:X2}, expected 60");
        }

        var children = BerTlv.Parse(root.Value);
        string Text(int tag) => System.Text.Encoding.ASCII.GetString(children.FirstOrDefault(c => c.Tag == tag).Value.Span);
        var tags = children.FirstOrDefault(c => c.Tag == LdsFiles.TagListTag).Value.ToArray();
        return new EfCom(Text(LdsFiles.LdsVersionTag), Text(LdsFiles.UnicodeVersionTag), [.. tags.Select(LdsFiles.DataGroupNumber).Where(n => n > 0)]);
    }

    public byte[] Encode() => BerTlv.EncodeConstructed(
        LdsFiles.ComTag,
        BerTlv.Encode(LdsFiles.LdsVersionTag, System.Text.Encoding.ASCII.GetBytes(LdsVersion)),
        BerTlv.Encode(LdsFiles.UnicodeVersionTag, System.Text.Encoding.ASCII.GetBytes(UnicodeVersion)),
        BerTlv.Encode(LdsFiles.TagListTag, [.. DataGroups.Select(LdsFiles.DataGroupTag)]));
}
