namespace OneStop.Core.Slips;

/// <summary>What a result's QR code vouches for, signed by the node that issued the result.</summary>
/// <param name="DossierId">The dossier the result settles.</param>
/// <param name="CommuneCode">The commune (five-digit code) whose office issued it.</param>
/// <param name="NodeId">The node that signed, so a verifier knows whose public key to use.</param>
/// <param name="DocumentSha256">SHA-256 of the result document, 64 lower-case hex digits: a changed file no longer matches.</param>
public sealed record ResultClaim(Guid DossierId, string CommuneCode, string NodeId, string DocumentSha256);
