using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneStop.Core.Repair;

/// <summary>
/// The fingerprint of the hub's log at a pull cursor: "epoch:hash", the hash taken over the last entry at or
/// below the cursor (its hub seq, origin node and origin seq). A node keeps it with its cursor and sends it
/// back; a hub restored from a copy has the same epoch but other entries at those seqs (or fewer), and a hub
/// restored with the restore command has a new epoch, so either way the mark no longer matches.
/// </summary>
public static class CursorMark
{
    /// <summary>The mark of a position before any entry (cursor 0 or an empty log).</summary>
    public static string Start(string epoch) => epoch + ":0";

    public static string Of(string epoch, long hubSeq, string originNode, long originSeq)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{hubSeq}\n{originNode}\n{originSeq}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return epoch + ":" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    public static string EpochOf(string mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        var colon = mark.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? mark : mark[..colon];
    }

    /// <summary>
    /// Why a node's cursor is not from this log (null: it is, or cannot be told). A node that sends no mark
    /// (older software, or a cursor kept from before marks) is checked only against the head.
    /// </summary>
    public static CursorVerdict Check(long cursor, string? sentMark, long logHead, string epoch, string markAtCursor)
    {
        if (cursor <= 0)
        {
            return CursorVerdict.Valid;
        }

        if (cursor > logHead)
        {
            return CursorVerdict.PastHead;
        }

        if (string.IsNullOrEmpty(sentMark))
        {
            return CursorVerdict.Valid;
        }

        if (EpochOf(sentMark) != epoch)
        {
            return CursorVerdict.OtherEpoch;
        }

        return sentMark == markAtCursor ? CursorVerdict.Valid : CursorVerdict.OtherLog;
    }
}

/// <summary>Whether a node's pull cursor belongs to the hub's log, and if not, how it was told.</summary>
public enum CursorVerdict
{
    Valid,

    /// <summary>The cursor is past the log's head: the hub lost entries the node had pulled.</summary>
    PastHead,

    /// <summary>The hub's log started a new epoch (restore command).</summary>
    OtherEpoch,

    /// <summary>Same epoch, other entries at the cursor: a plain copy of an older data folder.</summary>
    OtherLog,
}
