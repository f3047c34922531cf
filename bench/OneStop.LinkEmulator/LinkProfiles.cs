namespace OneStop.LinkEmulator;

/// <summary>The links our communes actually have (issue 6), by name.</summary>
public static class LinkProfiles
{
    /// <summary>Good 4G: 20 / 5 Mbit/s, 50 ms RTT.</summary>
    public static readonly LinkProfile L0 = new("L0", 20_000_000, 5_000_000, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(5));

    /// <summary>Fringe coverage, EDGE-like: 128 / 64 kbit/s, 600 ms RTT.</summary>
    public static readonly LinkProfile L1 = new("L1", 128_000, 64_000, TimeSpan.FromMilliseconds(600), TimeSpan.FromMilliseconds(40));

    /// <summary>Rural 3G: 1.5 Mbit/s / 512 kbit/s, 150 ms RTT.</summary>
    public static readonly LinkProfile L2 = new("L2", 1_500_000, 512_000, TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(15));

    /// <summary>VSAT: 2 Mbit/s / 512 kbit/s, 650 ms RTT (geostationary hop).</summary>
    public static readonly LinkProfile L3 = new("L3", 2_000_000, 512_000, TimeSpan.FromMilliseconds(650), TimeSpan.FromMilliseconds(20));

    /// <summary>Loopback speed, no delay: the proxy only counts bytes.</summary>
    public static readonly LinkProfile Loopback = new("loopback", LinkProfile.Unlimited, LinkProfile.Unlimited, TimeSpan.Zero, TimeSpan.Zero);

    public static IReadOnlyList<LinkProfile> All { get; } = [L0, L1, L2, L3];

    public static LinkProfile Get(string name) =>
        All.Concat([Loopback]).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown link profile '{name}' (known: L0, L1, L2, L3, loopback).", nameof(name));
}
