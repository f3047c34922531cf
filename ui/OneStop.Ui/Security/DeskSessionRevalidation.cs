using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneStop.Ui.Security;

/// <summary>
/// An open interactive page sends no requests for the cookie to check, so the circuit checks the absolute
/// limit itself every minute and signs the page out when it has passed.
/// </summary>
public sealed class DeskSessionRevalidation(ILoggerFactory loggers, IServiceProvider services) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        Task.FromResult(authenticationState.User.Identity?.IsAuthenticated != true
            || DeskSessionLimits.IsWithinAbsolute(authenticationState.User, (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow()));
}
