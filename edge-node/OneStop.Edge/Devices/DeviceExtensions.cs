using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneStop.Hardware;

namespace OneStop.Edge.Devices;

public static class DeviceExtensions
{
    /// <summary>The node's peripherals (simulators unless section "Hardware" names drivers) and their monitor.</summary>
    public static WebApplicationBuilder AddEdgeDevices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeviceOptions>().BindConfiguration(DeviceOptions.Section).ValidateGenerated<DeviceOptions, DeviceOptionsValidator>().ValidateOnStart();
        builder.Services.AddOptions<HardwareOptions>().BindConfiguration("Hardware");
        builder.Services.AddSingleton(sp => DeviceSet.Create(sp.GetRequiredService<IOptions<HardwareOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddSingleton<DeviceHealthBoard>();
        builder.Services.AddHostedService<DeviceMonitor>();
        return builder;
    }
}
