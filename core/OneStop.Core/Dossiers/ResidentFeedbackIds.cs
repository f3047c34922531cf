using System.Security.Cryptography;
using System.Text;

namespace OneStop.Core.Dossiers;

/// <summary>
/// The id of a dossier's one feedback record, the same on every node and at the hub's public site (SHA-256, version 8
/// layout): feedback left at the office and online merge into one record, so a dossier is rated once.
/// </summary>
public static class ResidentFeedbackIds
{
    public static Guid For(Guid dossierId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("onestop/feedback/" + dossierId.ToString("D")));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
