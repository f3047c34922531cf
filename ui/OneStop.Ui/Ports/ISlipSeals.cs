using OneStop.Core.Slips;

namespace OneStop.Ui.Ports;

/// <summary>The node's signature on slips, and the offline check of a slip's QR text against this node's key.</summary>
public interface ISlipSeals
{
    NodePublicKey PublicKey { get; }

    /// <summary>The sealed text for a received dossier's slip (see <see cref="SlipSeal"/>).</summary>
    string Seal(Guid dossierId, DateOnly dueDate);

    /// <summary>Checks what was scanned or pasted: the whole QR text or its sealed part.</summary>
    SlipVerification Verify(string scanned);
}

/// <param name="NodeId">The node that owns the key.</param>
/// <param name="Pem">The public key, PEM SubjectPublicKeyInfo.</param>
/// <param name="Fingerprint">Short SHA-256 fingerprint to compare by eye.</param>
public sealed record NodePublicKey(string NodeId, string Pem, string Fingerprint);

/// <param name="Check">The outcome with this node's key.</param>
/// <param name="Claim">What the slip says, when it could be read (even if the signature failed).</param>
/// <param name="OtherNode">Signed as another node: this node does not hold that node's key.</param>
public sealed record SlipVerification(SlipCheck Check, SlipClaim? Claim, bool OtherNode);
