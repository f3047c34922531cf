using System.Security.Claims;
using OneStop.Core.Fleet;
using OneStop.HubConsole.Ports;

namespace OneStop.HubConsole.Tests;

internal sealed class FakeFleet(params FleetNode[] nodes) : IConsoleFleet
{
    public Task<IReadOnlyList<FleetNode>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<FleetNode>>(nodes);

    public Task<FleetNodeDetail?> GetAsync(string nodeId, CancellationToken cancellationToken) =>
        Task.FromResult(nodes.FirstOrDefault(n => n.NodeId == nodeId) is { } node
            ? new FleetNodeDetail(node, [new FleetSample(1_780_000_000_000, 4, 1200, "1.0", null, 0)], [])
            : null);

    public static FleetNode Node(string id, string commune, NodeHealthState state, string? refusal = null) =>
        new(id, commune, state == NodeHealthState.Silent ? null : 1_780_000_000_000, 0, 0, "1.0", [], refusal, state);
}

internal sealed class FakeStaffAccounts : IConsoleStaffAccounts
{
    public List<StaffAccountView> Accounts { get; } = [];

    public List<(string Actor, NewStaffAccount Account)> Created { get; } = [];

    public Task<IReadOnlyList<StaffAccountView>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<StaffAccountView>>([.. Accounts]);

    public Task<ConsoleResult> CreateAsync(ClaimsPrincipal actor, NewStaffAccount account, CancellationToken cancellationToken)
    {
        Created.Add((actor.Identity?.Name ?? "?", account));
        Accounts.Add(new StaffAccountView(account.CommuneCode, account.UserName, account.DisplayName, account.Role, false));
        return Task.FromResult(ConsoleResult.Ok);
    }

    public Task<ConsoleResult> ResetPasswordAsync(ClaimsPrincipal actor, string communeCode, string userName, string newPassword, CancellationToken cancellationToken) =>
        Task.FromResult(newPassword.Length >= 8 ? ConsoleResult.Ok : ConsoleResult.Refused("accounts.error.password"));

    public Task<ConsoleResult> SetDisabledAsync(ClaimsPrincipal actor, string communeCode, string userName, bool disabled, CancellationToken cancellationToken) =>
        Task.FromResult(ConsoleResult.Ok);
}
