using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneStop.Edge.Startup;

namespace OneStop.Edge.Tests.Startup;

public sealed class AfterDeskStartedTests
{
    [Fact]
    public async Task StartAsync_BeforeApplicationStarted_InnerNotStartedUntilItFires()
    {
        using var lifetime = new Lifetime();
        var inner = new CountingService();
        var deferred = new AfterDeskStarted(inner, lifetime);

        await deferred.StartAsync(CancellationToken.None);
        var startsBeforeServing = inner.Starts;
        await lifetime.Started.CancelAsync();

        Assert.Equal(0, startsBeforeServing);
        Assert.Equal(1, inner.Starts);
        await deferred.StopAsync(CancellationToken.None);
        Assert.Equal(1, inner.Stops);
    }

    [Fact]
    public async Task StopAsync_HostNeverServed_InnerNeitherStartedNorStopped()
    {
        using var lifetime = new Lifetime();
        var inner = new CountingService();
        var deferred = new AfterDeskStarted(inner, lifetime);

        await deferred.StartAsync(CancellationToken.None);
        await deferred.StopAsync(CancellationToken.None);
        await lifetime.Started.CancelAsync();

        Assert.Equal(0, inner.Starts);
        Assert.Equal(0, inner.Stops);
    }

    [Fact]
    public void AddHostedServiceAfterDeskStarted_SeveralServices_EachRegistered()
    {
        var services = new ServiceCollection();
        services.AddSingleton<CountingService>();
        services.AddSingleton<OtherService>();

        services.AddHostedServiceAfterDeskStarted<CountingService>();
        services.AddHostedServiceAfterDeskStarted<OtherService>();

        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IHostedService)));
    }

    private sealed class OtherService : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class CountingService : IHostedService
    {
        public int Starts { get; private set; }

        public int Stops { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Starts++;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            Stops++;
            return Task.CompletedTask;
        }
    }

    private sealed class Lifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new();
        private readonly CancellationTokenSource _stopped = new();

        public CancellationTokenSource Started { get; } = new();

        public CancellationToken ApplicationStarted => Started.Token;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => _stopped.Token;

        public void StopApplication() => _stopping.Cancel();

        public void Dispose()
        {
            Started.Dispose();
            _stopping.Dispose();
            _stopped.Dispose();
        }
    }
}
