using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace OneStop.Protocol.Transport;

public static class GrpcKestrel
{
    /// <summary>
    /// Listens for gRPC: HTTP/2 only, cleartext with prior knowledge (h2c) without a certificate,
    /// TLS with ALPN "h2" with one.
    /// </summary>
    /// <remarks>
    /// Kestrel's minimum request body data rate and request size cap are lifted per gRPC request by the
    /// mapped handlers, not here, so other endpoints on the same server keep their protection.
    /// </remarks>
    public static void ListenGrpc(this KestrelServerOptions options, IPAddress address, int port, X509Certificate2? certificate = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(address);
        options.Listen(address, port, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        });
    }
}
