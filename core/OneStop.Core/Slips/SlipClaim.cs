namespace OneStop.Core.Slips;

/// <summary>What an appointment slip's QR code vouches for, signed by the node that printed it.</summary>
/// <param name="DossierId">The dossier the slip was printed for.</param>
/// <param name="CommuneCode">The commune (five-digit 2025 code) whose desk received it.</param>
/// <param name="DueDate">The result date promised on the slip.</param>
/// <param name="NodeId">The node that signed, so a verifier knows whose public key to use.</param>
public sealed record SlipClaim(Guid DossierId, string CommuneCode, DateOnly DueDate, string NodeId);
