using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OneStop.HubConsole.Components;
using OneStop.HubConsole.Pages;
using OneStop.HubConsole.Ports;
using OneStop.HubConsole.Security;

namespace OneStop.HubConsole.Tests;

public sealed class EnrolmentPageTests : ConsoleTestContext
{
    private readonly FakeEnrolment _enrolment = new();

    public EnrolmentPageTests() => Services.AddSingleton<IConsoleEnrolment>(_enrolment);

    [Fact]
    public void Admin_CreatesToken_ShownAsTextAndQrAndListed()
    {
        AddAuthorization().SetAuthorized("qt.tinh").SetRoles(ConsoleRoles.Admin);
        var page = RenderInteractive<EnrolmentPage>();

        page.Find("#enrol-node").Change("node-bac-ha-01");
        page.Find("#enrol-commune").Change("03445");
        page.Find("[data-testid=enrolment-form]").Submit();

        var (actor, node, commune, hours) = Assert.Single(_enrolment.Created);
        Assert.Equal(("qt.tinh", "node-bac-ha-01", "03445", 72), (actor, node, commune, hours));
        Assert.Equal(FakeEnrolment.Token, page.Find("[data-testid=enrol-token]").TextContent);
        Assert.StartsWith("data:image/png;base64,", page.Find("[data-testid=enrol-qr]").GetAttribute("src"), StringComparison.Ordinal);
        Assert.Single(page.FindAll("[data-testid=enrol-token-row]"));
    }

    [Fact]
    public void Revocation_FirstClickOnlyAsks_ConfirmRevokesAsThatAdmin()
    {
        AddAuthorization().SetAuthorized("qt.tinh").SetRoles(ConsoleRoles.Admin);
        _enrolment.Certificates.Add(new NodeCertificateView("0A1B", 1_790_000_000_000, 1_810_000_000_000, null));
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var panel = Render<NodeRevocation>(p => p.Add(c => c.NodeId, "node-sapa-01"));

        panel.Find("[data-testid=revoke]").Click();
        Assert.Empty(_enrolment.Revoked);
        panel.Find("[data-testid=revoke-confirm]").Click();

        Assert.Equal(("qt.tinh", "node-sapa-01"), Assert.Single(_enrolment.Revoked));
        Assert.Contains("node-sapa-01", panel.Find("[data-testid=revoke-message]").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid=revoke]"));
    }

    [Fact]
    public void Revocation_Viewer_SeesCertificatesButNoButton()
    {
        AddAuthorization().SetAuthorized("xem.tinh").SetRoles(ConsoleRoles.Viewer);
        _enrolment.Certificates.Add(new NodeCertificateView("0A1B", 1_790_000_000_000, 1_810_000_000_000, null));
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

        var panel = Render<NodeRevocation>(p => p.Add(c => c.NodeId, "node-sapa-01"));

        Assert.Single(panel.FindAll("[data-testid=node-certificates] li"));
        Assert.Empty(panel.FindAll("[data-testid=revoke]"));
    }

    private sealed class FakeEnrolment : IConsoleEnrolment
    {
        public const string Token = "ABCDEFGHIJKLMNOPQRSTUVWXYZ.0123456789abcdef";

        public List<(string Actor, string Node, string Commune, int Hours)> Created { get; } = [];

        public List<(string Actor, string Node)> Revoked { get; } = [];

        public List<NodeCertificateView> Certificates { get; } = [];

        private readonly List<EnrolmentTokenView> _tokens = [];

        public long NowMs => 1_800_000_000_000;

        public Task<EnrolmentResult<NewEnrolmentToken>> CreateTokenAsync(ClaimsPrincipal user, string nodeId, string communeCode, int validHours, CancellationToken cancellationToken)
        {
            Created.Add((user.Identity!.Name!, nodeId, communeCode, validHours));
            _tokens.Add(new EnrolmentTokenView(nodeId, communeCode, NowMs, NowMs + 3_600_000, user.Identity.Name!, null));
            return Task.FromResult(new EnrolmentResult<NewEnrolmentToken>(new NewEnrolmentToken(Token, nodeId, communeCode, NowMs + 3_600_000), null));
        }

        public Task<IReadOnlyList<EnrolmentTokenView>> ListTokensAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<EnrolmentTokenView>>([.. _tokens]);

        public Task<IReadOnlyList<NodeCertificateView>> ListCertificatesAsync(string nodeId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<NodeCertificateView>>([.. Certificates]);

        public Task<EnrolmentResult<int>> RevokeAsync(ClaimsPrincipal user, string nodeId, CancellationToken cancellationToken)
        {
            Revoked.Add((user.Identity!.Name!, nodeId));
            for (var i = 0; i < Certificates.Count; i++)
            {
                Certificates[i] = Certificates[i] with { RevokedMs = NowMs };
            }

            return Task.FromResult(new EnrolmentResult<int>(1, null));
        }
    }
}
