namespace OneStop.Edge.Startup;

/// <summary>
/// Starts a background service only once the host serves (ApplicationStarted). On a Raspberry Pi the node's whole
/// CPU is a few slow cores: a sync round pushing a backlog, started alongside the web host, takes that CPU from the
/// start-up the clerk is waiting on. Deferred, the desk answers first; the work itself is the same, only later.
/// </summary>
public sealed class AfterDeskStarted(Func<IHostedService> create, IHostApplicationLifetime lifetime) : IHostedService
{
    private readonly object _gate = new();
    private IHostedService? _inner;
    private Task? _starting;
    private bool _stopping;

    public AfterDeskStarted(IHostedService inner, IHostApplicationLifetime lifetime)
        : this(() => inner, lifetime)
    {
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            lock (_gate)
            {
                // Stopping before the host ever served (start-up failed): nothing to start.
                if (!_stopping)
                {
                    _inner = create();
                    _starting = _inner.StartAsync(lifetime.ApplicationStopping);
                }
            }
        });
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task? starting;
        IHostedService? inner;
        lock (_gate)
        {
            _stopping = true;
            starting = _starting;
            inner = _inner;
        }

        if (starting is not null && inner is not null)
        {
            await starting.WaitAsync(cancellationToken);
            await inner.StopAsync(cancellationToken);
        }
    }
}

/// <remarks>
/// Registered with AddSingleton, not AddHostedService: AddHostedService keeps one registration per implementation
/// type, and every deferred service is an <see cref="AfterDeskStarted"/>, so all but the first were silently dropped.
/// </remarks>
public static class AfterDeskStartedExtensions
{
    /// <summary>Registers <typeparamref name="T"/> (already a singleton) as a hosted service started once the desk serves.</summary>
    public static IServiceCollection AddHostedServiceAfterDeskStarted<T>(this IServiceCollection services)
        where T : class, IHostedService =>
        services.AddSingleton<IHostedService>(sp => new AfterDeskStarted(sp.GetRequiredService<T>(), sp.GetRequiredService<IHostApplicationLifetime>()));

    /// <summary>
    /// Registers <typeparamref name="T"/> as a hosted service made and started once the desk serves: for periodic
    /// monitors the first page does not need, whose construction alone (device probing, their options' validation)
    /// would otherwise cost the CPU the clerk waits on.
    /// </summary>
    public static IServiceCollection AddHostedServiceMadeAfterDeskStarted<T>(this IServiceCollection services)
        where T : class, IHostedService =>
        services.AddSingleton<IHostedService>(sp => new AfterDeskStarted(() => ActivatorUtilities.CreateInstance<T>(sp), sp.GetRequiredService<IHostApplicationLifetime>()));
}
