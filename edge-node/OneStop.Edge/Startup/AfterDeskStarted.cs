namespace OneStop.Edge.Startup;

/// <summary>
/// Starts a background service only once the host serves (ApplicationStarted). On a Raspberry Pi the node's whole
/// CPU is a few slow cores: a sync round pushing a backlog, started alongside the web host, takes that CPU from the
/// start-up the clerk is waiting on. Deferred, the desk answers first; the work itself is the same, only later.
/// </summary>
public sealed class AfterDeskStarted(IHostedService inner, IHostApplicationLifetime lifetime) : IHostedService
{
    private readonly object _gate = new();
    private Task? _starting;
    private bool _stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            lock (_gate)
            {
                // Stopping before the host ever served (start-up failed): nothing to start.
                if (!_stopping)
                {
                    _starting = inner.StartAsync(lifetime.ApplicationStopping);
                }
            }
        });
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task? starting;
        lock (_gate)
        {
            _stopping = true;
            starting = _starting;
        }

        if (starting is not null)
        {
            await starting.WaitAsync(cancellationToken);
            await inner.StopAsync(cancellationToken);
        }
    }
}

/// <remarks>
/// Registers with AddSingleton, not AddHostedService: AddHostedService keeps one registration per implementation
/// type, and every deferred service is an <see cref="AfterDeskStarted"/>, so a second one was silently dropped.
/// </remarks>
public static class AfterDeskStartedExtensions
{
    /// <summary>Registers <typeparamref name="T"/> (already a singleton) as a hosted service started once the desk serves.</summary>
    public static IServiceCollection AddHostedServiceAfterDeskStarted<T>(this IServiceCollection services)
        where T : class, IHostedService =>
        services.AddSingleton<IHostedService>(sp => new AfterDeskStarted(sp.GetRequiredService<T>(), sp.GetRequiredService<IHostApplicationLifetime>()));
}
