using System.ComponentModel.DataAnnotations;

namespace OneStop.Hub.Enrolment;

/// <summary>How nodes prove who they are (section "NodeSecurity"): enrolled client certificates over mutual TLS by default.</summary>
public sealed class NodeSecurityOptions
{
    public const string Section = "NodeSecurity";

    /// <summary>Default life of a node certificate: 90 days; the node renews itself when a third of it remains.</summary>
    public static readonly TimeSpan DefaultCertificateLifetime = TimeSpan.FromDays(90);

    /// <summary>Default life of an enrolment token: 72 hours, time to carry a box to a mountain commune.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(72);

    /// <summary>Default backdating of a certificate's start: 10 minutes, for a node whose clock (no RTC) runs a little behind.</summary>
    public static readonly TimeSpan DefaultClockAllowance = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Development only: plain h2c and the shared keys of Hub:Nodes instead of mutual TLS. Off by default; the
    /// test harnesses that predate enrolment turn it on.
    /// </summary>
    public bool DevelopmentSharedKeys { get; set; }

    public TimeSpan CertificateLifetime { get; set; } = DefaultCertificateLifetime;

    public TimeSpan TokenLifetime { get; set; } = DefaultTokenLifetime;

    public TimeSpan ClockAllowance { get; set; } = DefaultClockAllowance;

    /// <summary>Names and addresses nodes dial the hub by, put in the hub's TLS certificate besides localhost and the listen address.</summary>
    public List<string> HostNames { get; set; } = [];

    [Range(1, 100_000)]
    public int MaxTokensListed { get; set; } = 200;
}
