using System.ComponentModel.DataAnnotations;

namespace OneStop.Hub.AdminConsole;

/// <summary>The province console's settings (section "Hub:Console").</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Hub:Console";

    /// <summary>Default interval between node history samples: 60 seconds.</summary>
    public const int DefaultHistorySampleSeconds = 60;

    [Range(1, 86_400)]
    public int HistorySampleSeconds { get; set; } = DefaultHistorySampleSeconds;
}
