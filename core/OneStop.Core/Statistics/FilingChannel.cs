namespace OneStop.Core.Statistics;

/// <summary>How a dossier reached the office. The online rate the province reports counts <see cref="Online"/>.</summary>
public enum FilingChannel
{
    /// <summary>Handed in at the one-stop desk and entered by staff.</summary>
    Desk,

    /// <summary>Entered by a "digital transformation café" volunteer helping the resident.</summary>
    Assisted,

    /// <summary>Filed by the resident on the public site.</summary>
    Online,

    /// <summary>Filed by the resident at the office's self-service kiosk.</summary>
    Kiosk,
}

/// <summary>The stored form of <see cref="FilingChannel"/>: lower-case words, so a report reads the same on every replica.</summary>
public static class FilingChannelNames
{
    public static string ToName(this FilingChannel channel) => channel switch
    {
        FilingChannel.Desk => "desk",
        FilingChannel.Assisted => "assisted",
        FilingChannel.Online => "online",
        FilingChannel.Kiosk => "kiosk",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    public static bool TryParse(string? name, out FilingChannel channel)
    {
        foreach (var candidate in Enum.GetValues<FilingChannel>())
        {
            if (string.Equals(candidate.ToName(), name, StringComparison.Ordinal))
            {
                channel = candidate;
                return true;
            }
        }

        channel = FilingChannel.Desk;
        return false;
    }
}
