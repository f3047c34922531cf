namespace OneStop.LinkEmulator;

/// <summary>A link that never breaks a connection on its own.</summary>
public sealed class NoCuts : ICutPolicy
{
    public static readonly NoCuts Instance = new();

    public long? CutOffset(int connectionIndex) => null;
}
