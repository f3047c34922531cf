using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace OneStop.Edge.Tests;

/// <summary>The desk's signed-in person, fixed for a test: a user name and a role.</summary>
internal sealed class SignedInDeskUser(string userName, string role) : AuthenticationStateProvider
{
    public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
        Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.Role, role)], "test"))));
}
