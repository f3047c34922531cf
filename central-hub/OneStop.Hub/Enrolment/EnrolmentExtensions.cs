using System.Security.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;
using OneStop.Hub.Nodes;

namespace OneStop.Hub.Enrolment;

/// <summary>Registers the issuing CA, enrolment and the certificate check of node calls.</summary>
public static class EnrolmentExtensions
{
    public static WebApplicationBuilder AddNodeEnrolment(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NodeSecurityOptions>().BindConfiguration(NodeSecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => IssuingAuthority.LoadOrCreate(
            sp.GetRequiredService<IOptions<HubOptions>>().Value.DataDirectory, sp.GetRequiredService<TimeProvider>().GetUtcNow()));
        builder.Services.AddSingleton(sp => new EnrolmentStore(
            Path.Combine(sp.GetRequiredService<IOptions<HubOptions>>().Value.DataDirectory, EnrolmentStore.FileName)));
        builder.Services.AddSingleton<NodeEnrolment>();
        builder.Services.AddSingleton<EnrolmentService>();
        builder.Services.AddSingleton<OneStop.HubConsole.Ports.IConsoleEnrolment, ConsoleEnrolment>();
        builder.Services.AddSingleton<CertificateAuthenticator>();
        builder.Services.AddSingleton<INodeAuthenticator>(sp =>
            sp.GetRequiredService<IOptions<NodeSecurityOptions>>().Value.DevelopmentSharedKeys
                ? ActivatorUtilities.CreateInstance<SharedKeyAuthenticator>(sp)
                : sp.GetRequiredService<CertificateAuthenticator>());
        builder.Services.AddHostedService<EnrolmentStartup>();
        return builder;
    }

    public static WebApplication MapNodeEnrolment(this WebApplication app)
    {
        app.MapGrpcService<EnrolmentService>();
        return app;
    }

    /// <summary>
    /// TLS on the sync listener with the hub certificate the CA signs. Client certificates are asked for but
    /// not required at the handshake (AllowCertificate): a box enrolling has none yet. Every other call is
    /// refused UNAUTHENTICATED by <see cref="CertificateAuthenticator"/> before its body is read. A no-op
    /// under the development switch, which keeps plain h2c.
    /// </summary>
    public static ListenOptions UseNodeTls(this ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        var services = listen.ApplicationServices;
        var security = services.GetRequiredService<IOptions<NodeSecurityOptions>>().Value;
        if (security.DevelopmentSharedKeys)
        {
            return listen;
        }

        var hub = services.GetRequiredService<IOptions<HubOptions>>().Value;
        var certificate = services.GetRequiredService<IssuingAuthority>()
            .ServerCertificate([hub.ListenAddress, .. security.HostNames], services.GetRequiredService<TimeProvider>().GetUtcNow());
        listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = certificate,
            ClientCertificateMode = ClientCertificateMode.AllowCertificate,
            // The chain, dates and revocation are checked per call, where a refusal can be a gRPC status.
            ClientCertificateValidation = (_, _, _) => true,
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        });
        return listen;
    }
}

/// <summary>Creates enrolment.db and loads the issued serials before the first node can call.</summary>
internal sealed class EnrolmentStartup(EnrolmentStore store) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => store.InitialiseAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
