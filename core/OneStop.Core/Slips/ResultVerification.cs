namespace OneStop.Core.Slips;

/// <param name="Check">The outcome with the signer's key.</param>
/// <param name="Claim">What the QR says, when it could be read.</param>
/// <param name="UnknownSigner">No key is held for the node that signed: it cannot be checked here.</param>
public sealed record ResultVerification(SlipCheck Check, ResultClaim? Claim, bool UnknownSigner);
