using System.ComponentModel.DataAnnotations;
using OneStop.Core.Limits;

namespace OneStop.Hub.PublicSite;

/// <summary>The residents' public site (section "Hub", beside the hub's other listeners).</summary>
public sealed class PublicSiteOptions
{
    /// <summary>
    /// Addresses of the public listener, separated by ';' (e.g. "http://0.0.0.0:8080"); empty (the default) keeps the
    /// site off. Never the sync or admin port: the site answers only here, and nothing else answers here.
    /// </summary>
    public string? PublicUrls { get; set; }

    /// <summary>Requests one address may make per minute: <see cref="PublicSiteLimits.RequestsPerMinutePerAddress"/> by default.</summary>
    [Range(1, 100_000)]
    public int PublicRequestsPerMinute { get; set; } = PublicSiteLimits.RequestsPerMinutePerAddress;

    public IEnumerable<Uri> Urls =>
        (PublicUrls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u));
}
