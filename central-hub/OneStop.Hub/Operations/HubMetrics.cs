using System.Diagnostics.Metrics;
using OneStop.Core.Fleet;
using OneStop.Hub.Admin;
using OpenTelemetry.Metrics;

namespace OneStop.Hub.Operations;

/// <summary>
/// The hub's metrics through OpenTelemetry, scraped by Prometheus at <c>/metrics</c> on the admin listener.
/// Sync calls, pushes and pulls are the ASP.NET Core instrumentation's request metrics by route (each sync
/// method is its own route); ingest and the fleet's node counts come from <see cref="HubMeter"/>.
/// </summary>
public static class HubMetrics
{
    public static WebApplicationBuilder AddHubMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HubMeter>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(HubMeter.Name)
            .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication MapHubMetrics(this WebApplication app)
    {
        // Created now so its instruments exist before the first scrape.
        app.Services.GetRequiredService<HubMeter>();
        app.MapPrometheusScrapingEndpoint("/metrics").WithMetadata(AdminListener.Marker.Instance);
        return app;
    }
}

/// <summary>
/// Instruments read from the last fleet sample (the history sampler refreshes it): observable instruments
/// are read synchronously at scrape time, and the store is asynchronous.
/// </summary>
public sealed class HubMeter : IDisposable
{
    public const string Name = "OneStop.Hub";

    private readonly Meter _meter = new(Name);
    private IReadOnlyDictionary<NodeHealthState, int> _nodes = new Dictionary<NodeHealthState, int>();
    private long _logHead;

    public HubMeter()
    {
        _meter.CreateObservableGauge("onestop.hub.nodes", ObserveNodes, unit: "{node}", description: "Nodes per fleet state.");
        _meter.CreateObservableCounter("onestop.hub.log.entries", () => Volatile.Read(ref _logHead), unit: "{entry}", description: "Entries in the hub's log: its rate is the ingest rate.");
    }

    /// <summary>Takes the fleet as the sampler last saw it.</summary>
    public void Update(IEnumerable<NodeHealthState> states, long logHead)
    {
        var counts = Enum.GetValues<NodeHealthState>().ToDictionary(s => s, _ => 0);
        foreach (var state in states)
        {
            counts[state]++;
        }

        _nodes = counts;
        Volatile.Write(ref _logHead, logHead);
    }

    private IEnumerable<Measurement<int>> ObserveNodes() =>
        _nodes.Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("state", pair.Key.ToName())));

    public void Dispose() => _meter.Dispose();
}
