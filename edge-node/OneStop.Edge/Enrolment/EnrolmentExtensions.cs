using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace OneStop.Edge.Enrolment;

/// <summary>Registers the node's credentials, enrolment and renewal.</summary>
public static class EnrolmentExtensions
{
    public static WebApplicationBuilder AddNodeEnrolment(this WebApplicationBuilder builder)
    {
        // What enrolment wrote (hub address, node id, commune) sits above appsettings and below environment and
        // command line, so an operator can still override it for one run.
        var dataDirectory = builder.Configuration[$"{EdgeOptions.Section}:{nameof(EdgeOptions.DataDirectory)}"] ?? EdgeOptions.DefaultDataDirectory;
        var settings = new NodeCredentials(dataDirectory).SettingsPath;
        var sources = ((IConfigurationBuilder)builder.Configuration).Sources;
        var at = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource { Prefix: null or "" }).i;
        var source = new JsonConfigurationSource { Path = settings, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        sources.Insert(at > 0 ? at : sources.Count, source);

        builder.Services.AddOptions<EnrolmentOptions>().BindConfiguration(EnrolmentOptions.Section).ValidateGenerated<EnrolmentOptions, EnrolmentOptionsValidator>().ValidateOnStart();
        builder.Services.AddSingleton(sp => new NodeCredentials(sp.GetRequiredService<IOptions<EdgeOptions>>().Value.DataDirectory));
        builder.Services.AddSingleton<NodeEnroller>();
        builder.Services.AddHostedService<CertificateRenewal>();
        builder.Services.AddScoped<OneStop.Ui.Ports.IDeskEnrolment, EdgeDeskEnrolment>();
        return builder;
    }
}
