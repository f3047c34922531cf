using System.Buffers.Binary;

namespace OneStop.Edge.StoreHealth;

/// <param name="Damaged">Committed transactions in the WAL would be dropped when SQLite opens it.</param>
/// <param name="Detail">What is wrong, in words for the log and the device page.</param>
/// <param name="ValidFrames">Frames SQLite will use.</param>
/// <param name="CommitsLost">Intact commit frames after the damage: transactions a power cut did not explain.</param>
public sealed record WalReport(bool Damaged, string? Detail, int ValidFrames, int CommitsLost);

/// <summary>
/// Reads a WAL file the way SQLite's recovery does (https://www.sqlite.org/fileformat2.html#walformat) and
/// tells ordinary crash leftovers from damage. SQLite keeps the frames up to the first bad checksum and
/// silently ignores the rest; after a power cut that is a torn last transaction, but an intact commit frame
/// of the same WAL generation (same salts) after the break means committed work is about to vanish. That
/// must be said before the first connection opens, because the next checkpoint makes the loss permanent.
/// </summary>
public static class WalCheck
{
    private const int HeaderBytes = 32;
    private const int FrameHeaderBytes = 24;

    public static WalReport Check(string walPath, int pageSizeFromDatabase)
    {
        if (!File.Exists(walPath))
        {
            return new WalReport(false, null, 0, 0);
        }

        var wal = File.ReadAllBytes(walPath);
        if (wal.Length < HeaderBytes)
        {
            return new WalReport(false, null, 0, 0);
        }

        var header = wal.AsSpan(0, HeaderBytes);
        var magic = BinaryPrimitives.ReadUInt32BigEndian(header);
        var bigEndian = magic == 0x377f0683;
        var pageSize = (int)BinaryPrimitives.ReadUInt32BigEndian(header[8..]);
        var headerIntact = (magic is 0x377f0682 or 0x377f0683)
            && Checksum(bigEndian, 0, 0, header[..24]) == (BinaryPrimitives.ReadUInt32BigEndian(header[24..]), BinaryPrimitives.ReadUInt32BigEndian(header[28..]));
        if (!headerIntact)
        {
            var frames = pageSizeFromDatabase > 0 ? (wal.Length - HeaderBytes) / (FrameHeaderBytes + pageSizeFromDatabase) : 0;
            return frames > 0
                ? new WalReport(true, $"the WAL header is damaged: its {frames} frames (the latest committed writes) are ignored", 0, frames)
                : new WalReport(false, null, 0, 0);
        }

        var salt1 = BinaryPrimitives.ReadUInt32BigEndian(header[16..]);
        var salt2 = BinaryPrimitives.ReadUInt32BigEndian(header[20..]);
        var frameBytes = FrameHeaderBytes + pageSize;
        var previous = (BinaryPrimitives.ReadUInt32BigEndian(header[24..]), BinaryPrimitives.ReadUInt32BigEndian(header[28..]));
        var valid = 0;
        var breakAt = -1;
        var index = 0;
        for (var offset = HeaderBytes; offset + frameBytes <= wal.Length; offset += frameBytes, index++)
        {
            var frame = wal.AsSpan(offset, frameBytes);
            if (!SameGeneration(frame, salt1, salt2))
            {
                break;
            }

            var stored = StoredChecksum(frame);
            if (breakAt < 0)
            {
                if (FrameChecksum(bigEndian, previous, frame) == stored)
                {
                    valid++;
                }
                else
                {
                    breakAt = index;
                }
            }

            previous = stored;
        }

        if (breakAt < 0)
        {
            return new WalReport(false, null, valid, 0);
        }

        // Checksums chain from frame to frame, so each frame after the break is judged against its
        // predecessor's stored checksum: an intact one still proves itself.
        var lost = 0;
        previous = StoredChecksum(wal.AsSpan(HeaderBytes + (breakAt * frameBytes), frameBytes));
        for (var offset = HeaderBytes + ((breakAt + 1) * frameBytes); offset + frameBytes <= wal.Length; offset += frameBytes)
        {
            var frame = wal.AsSpan(offset, frameBytes);
            if (!SameGeneration(frame, salt1, salt2))
            {
                break;
            }

            var stored = StoredChecksum(frame);
            if (FrameChecksum(bigEndian, previous, frame) == stored && BinaryPrimitives.ReadUInt32BigEndian(frame[4..]) != 0)
            {
                lost++;
            }

            previous = stored;
        }

        return lost > 0
            ? new WalReport(true, $"the WAL is damaged at frame {breakAt + 1}: {lost} committed transaction(s) after it would be dropped", valid, lost)
            : new WalReport(false, null, valid, 0);
    }

    private static bool SameGeneration(ReadOnlySpan<byte> frame, uint salt1, uint salt2) =>
        BinaryPrimitives.ReadUInt32BigEndian(frame[8..]) == salt1 && BinaryPrimitives.ReadUInt32BigEndian(frame[12..]) == salt2;

    private static (uint, uint) StoredChecksum(ReadOnlySpan<byte> frame) =>
        (BinaryPrimitives.ReadUInt32BigEndian(frame[16..]), BinaryPrimitives.ReadUInt32BigEndian(frame[20..]));

    private static (uint, uint) FrameChecksum(bool bigEndian, (uint S0, uint S1) previous, ReadOnlySpan<byte> frame)
    {
        var afterHeader = Checksum(bigEndian, previous.S0, previous.S1, frame[..8]);
        return Checksum(bigEndian, afterHeader.S0, afterHeader.S1, frame[FrameHeaderBytes..]);
    }

    /// <summary>SQLite's WAL checksum: Fibonacci-weighted sums over 32-bit words in the byte order the magic names.</summary>
    private static (uint S0, uint S1) Checksum(bool bigEndian, uint s0, uint s1, ReadOnlySpan<byte> data)
    {
        for (var i = 0; i + 8 <= data.Length; i += 8)
        {
            var x0 = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data[i..]) : BinaryPrimitives.ReadUInt32LittleEndian(data[i..]);
            var x1 = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data[(i + 4)..]) : BinaryPrimitives.ReadUInt32LittleEndian(data[(i + 4)..]);
            unchecked
            {
                s0 += x0 + s1;
                s1 += x1 + s0;
            }
        }

        return (s0, s1);
    }
}
