namespace OneStop.Core.Merge;

/// <summary>A conflict resolution whose value the field cannot take; nothing was written.</summary>
public sealed class ResolutionRefusedException(string messageVi, string messageEn) : ArgumentException(messageEn)
{
    public string MessageVi { get; } = messageVi;
}
