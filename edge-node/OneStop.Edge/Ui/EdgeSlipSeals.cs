using Microsoft.Extensions.Options;
using OneStop.Core.Slips;
using OneStop.Ui.Ports;

namespace OneStop.Edge.Ui;

/// <summary>Slip signatures with this node's key; checking needs no link, only the public key held here.</summary>
public sealed class EdgeSlipSeals(NodeSigningKey key, IOptions<EdgeOptions> options) : ISlipSeals
{
    public NodePublicKey PublicKey => new(options.Value.NodeId, key.PublicKeyPem, key.Fingerprint);

    public string Seal(Guid dossierId, DateOnly dueDate)
    {
        var claim = new SlipClaim(dossierId, options.Value.CommuneCode, dueDate, options.Value.NodeId);
        return SlipSeal.Encode(claim, key.Sign(SlipSeal.CanonicalBytes(claim)));
    }

    public SlipVerification Verify(string scanned)
    {
        var sealedText = SlipSeal.ExtractSealed(scanned);
        var check = SlipSeal.Verify(sealedText, key.PublicKeySpki, out var claim);
        if (check == SlipCheck.Malformed)
        {
            SlipSeal.TryDecode(sealedText, out claim, out _);
        }

        return new SlipVerification(check, claim, claim is not null && claim.NodeId != options.Value.NodeId);
    }
}
