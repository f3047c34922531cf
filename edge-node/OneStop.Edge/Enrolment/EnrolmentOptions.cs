using System.ComponentModel.DataAnnotations;

namespace OneStop.Edge.Enrolment;

/// <summary>How often the node looks at its certificate's age (section "Enrolment").</summary>
public sealed class EnrolmentOptions
{
    public const string Section = "Enrolment";

    /// <summary>Default pause between looks: 1 hour (certificates live for months).</summary>
    public const int DefaultRenewalCheckSeconds = 3600;

    [Range(1, 86_400)]
    public int RenewalCheckSeconds { get; set; } = DefaultRenewalCheckSeconds;
}
