using Grpc.Core;
using Microsoft.Extensions.Options;
using OneStop.Edge.Sync;
using OneStop.Protocol;

namespace OneStop.Edge.Enrolment;

/// <summary>
/// Renews the node's certificate without a person: once less than a third of its life remains, the node makes a
/// new key pair and asks the hub over mutual TLS with the current certificate. A failure (link down) is retried at
/// the next look; the current certificate stays in use until the new one is stored.
/// </summary>
public sealed class CertificateRenewal(
    NodeCredentials credentials, NodeEnroller enroller, IOptions<SyncOptions> sync, IOptions<EnrolmentOptions> options, TimeProvider time, ILogger<CertificateRenewal> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RenewalCheckSeconds), time);
        do
        {
            try
            {
                await RenewIfDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is RpcException or HttpRequestException or IOException or EnrolmentFailedException or System.Security.Cryptography.CryptographicException)
            {
                logger.LogWarning("Certificate renewal failed, will try again: {Reason}", ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Renews when due; true when a new certificate was stored.</summary>
    public async Task<bool> RenewIfDueAsync(CancellationToken cancellationToken)
    {
        var hub = sync.Value.HubUrl ?? credentials.HubUrl();
        if (hub is null || credentials.Load() is not { } current)
        {
            return false;
        }

        using (current.Certificate)
        using (current.Authority)
        {
            if (time.GetUtcNow() < NodeEnroller.RenewalDue(current.Certificate))
            {
                return false;
            }
        }

        using var channel = SyncChannel.Create(hub, credentials.ChannelOptions());
        var outcome = await enroller.RenewAsync(channel, hub, cancellationToken);
        logger.LogInformation("Certificate renewed for {Node}; valid until {NotAfter:u}.", outcome.NodeId, outcome.NotAfter);
        return true;
    }
}
