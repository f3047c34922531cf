using System.Text.Json;
using OneStop.Core.Changes;

namespace OneStop.Core.Slips;

/// <summary>
/// The offline check of a result QR wherever it is scanned (node or hub): the signer's public key comes from its
/// <see cref="SigningKeyRecord"/>, which every replica of the commune holds once the node has issued a result.
/// </summary>
public static class ResultKeys
{
    /// <summary>Query parameter of the verify page that carries the sealed text.</summary>
    public const string QueryName = "code";

    /// <param name="scanned">The verify URL the QR opens, or the sealed text alone.</param>
    /// <param name="read">Reads a record by id from the local store.</param>
    /// <param name="cancellationToken"></param>
    public static async Task<ResultVerification> VerifyAsync(string scanned, Func<Guid, CancellationToken, Task<StoredRecord?>> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        var sealedText = Extract(scanned);
        if (!ResultSeal.TryDecode(sealedText, out var claim, out _))
        {
            return new ResultVerification(SlipCheck.Malformed, null, false);
        }

        var record = await read(SigningKeyRecord.IdFor(claim!.NodeId), cancellationToken);
        if (record is null || record.Type != SigningKeyRecord.Type || record.Scope != claim.CommuneCode
            || record.GetJson(SigningKeyRecord.NodeId) != JsonSerializer.Serialize(claim.NodeId)
            || record.GetJson(SigningKeyRecord.PublicKey) is not { } json || JsonSerializer.Deserialize<string>(json) is not { } base64)
        {
            return new ResultVerification(SlipCheck.BadSignature, claim, UnknownSigner: true);
        }

        var check = ResultSeal.Verify(sealedText, Convert.FromBase64String(base64), out var verified);
        return new ResultVerification(check, verified ?? claim, false);
    }

    /// <summary>The sealed part of a verify URL (its <c>code</c> parameter), or the text itself.</summary>
    public static string Extract(string? scanned)
    {
        var text = (scanned ?? string.Empty).Trim();
        var at = text.IndexOf('?', StringComparison.Ordinal);
        if (at >= 0)
        {
            foreach (var pair in text[(at + 1)..].Split('&'))
            {
                if (pair.StartsWith(QueryName + "=", StringComparison.Ordinal))
                {
                    return Uri.UnescapeDataString(pair[(QueryName.Length + 1)..]);
                }
            }
        }

        return text;
    }
}
