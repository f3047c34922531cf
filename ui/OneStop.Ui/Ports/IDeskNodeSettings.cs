using OneStop.Core.Nodes;

namespace OneStop.Ui.Ports;

/// <summary>
/// The node's settings record (docs/node-settings.md) for the setup and settings pages: the commune admin only,
/// checked by the host's adapter on every call.
/// </summary>
public interface IDeskNodeSettings
{
    /// <summary>The 2025 commune list the setup page searches.</summary>
    CommuneList Communes { get; }

    Task<DeskNodeSettings> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks and writes the settings (plain text per <see cref="NodeConfigFields"/> name; blank clears a field).
    /// With <paramref name="completeSetup"/>, also replaces the generated first password with <paramref name="newAdminPassword"/>
    /// and marks the setup done.
    /// </summary>
    /// <returns>Field name → localisation key of what is wrong; empty when written.</returns>
    Task<IReadOnlyDictionary<string, string>> SaveAsync(IReadOnlyDictionary<string, string?> values, bool completeSetup, string? newAdminPassword, CancellationToken cancellationToken = default);
}

/// <param name="Values">Every field's current text: the record's, else the node's configured default.</param>
/// <param name="SetupCompleted">Whether the first-run setup is done.</param>
/// <param name="NodeId">This node.</param>
/// <param name="NodeCommuneCode">The commune the node is configured (or enrolled) for; the settings cannot name another.</param>
/// <param name="Enrolled">Whether the node is enrolled with the province (a certificate); optional.</param>
/// <param name="LanAddress">The node's address on the office network, the default public address.</param>
public sealed record DeskNodeSettings(
    IReadOnlyDictionary<string, string?> Values,
    bool SetupCompleted,
    string NodeId,
    string NodeCommuneCode,
    bool Enrolled,
    string? LanAddress);
