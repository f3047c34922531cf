using System.IO.Compression;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace OneStop.Protocol;

public static class SyncChannel
{
    /// <summary>
    /// A channel to the hub at <paramref name="address"/> (http:// for h2c, https:// for TLS) over one
    /// <see cref="SocketsHttpHandler"/>. Make one per hub and keep it: the connection it holds is what makes an
    /// idle sync one round trip.
    /// </summary>
    public static GrpcChannel Create(Uri address, SyncChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        options ??= new SyncChannelOptions();
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = CreateHandler(options),
            DisposeHttpClient = true,
            MaxReceiveMessageSize = options.MaxReceiveMessageBytes,
            MaxSendMessageSize = options.MaxSendMessageBytes,
            // Requests at Optimal as the hand-built transport sent them (see GzipAtLevel); the list is also what
            // grpc-accept-encoding offers the hub for its replies.
            CompressionProviders = [new GzipAtLevel(CompressionLevel.Optimal)],
        });
    }

    private static SocketsHttpHandler CreateHandler(SyncChannelOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            UseCookies = false,
        };

        if (options.ClientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [options.ClientCertificate];
        }

        if (options.TrustedRoot is not null)
        {
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                // A private hub CA publishes no revocation list the offline nodes could reach.
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.Add(options.TrustedRoot);
            handler.SslOptions.CertificateChainPolicy = policy;
        }

        handler.SslOptions.ApplicationProtocols = [SslApplicationProtocol.Http2];
        return handler;
    }
}
