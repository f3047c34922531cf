namespace OneStop.LinkEmulator;

/// <summary>Decides, when a connection opens, after how many bytes (both directions together) it will be cut.</summary>
public interface ICutPolicy
{
    /// <summary>The byte offset at which connection number <paramref name="connectionIndex"/> (0-based) breaks, or null to leave it whole.</summary>
    long? CutOffset(int connectionIndex);
}
