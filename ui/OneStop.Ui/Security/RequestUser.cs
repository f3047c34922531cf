using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Ui.Security;

/// <summary>
/// Plain endpoints (a download) run outside any component render, so the server's authentication state
/// provider has not been told who is asking; the port adapters read the user from it, so tell it here.
/// </summary>
public static class RequestUser
{
    public static void Provide(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.RequestServices.GetService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
        }
    }
}
