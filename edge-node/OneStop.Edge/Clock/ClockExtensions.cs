using OneStop.Edge.Ui;
using OneStop.Ui.Ports;

namespace OneStop.Edge.Clock;

public static class ClockExtensions
{
    /// <summary>The node's judgement of its clock, the legal time every door stamps with, and the desk's view of both.</summary>
    public static WebApplicationBuilder AddEdgeClock(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClockWatchOptions>().BindConfiguration(ClockWatchOptions.Section).ValidateGenerated<ClockWatchOptions, ClockWatchOptionsValidator>().ValidateOnStart();
        builder.Services.AddSingleton<ClockWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ClockWatch>());
        builder.Services.AddSingleton<LegalClock>();
        builder.Services.AddSingleton<IDeskClock, EdgeDeskClock>();
        builder.Services.AddScoped<DeskLegalDate>();
        return builder;
    }
}
