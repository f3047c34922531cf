using OneStop.Core.Statistics;

namespace OneStop.Ui.Ports;

/// <summary>Residents' ratings as staff read them: on the dossier they were given for, and week by week.</summary>
public interface IDeskFeedback
{
    /// <summary>The rating given for a dossier; null when the resident has not rated it.</summary>
    Task<DeskFeedbackEntry?> ForDossierAsync(Guid dossierId, CancellationToken cancellationToken = default);

    /// <summary>Count and average rating per week, newest first.</summary>
    Task<IReadOnlyList<FeedbackWeek>> WeeklyAsync(CancellationToken cancellationToken = default);
}

/// <param name="Rating">1 (very unhappy) to 5 (very happy).</param>
/// <param name="Comment">What the resident wrote; empty when nothing.</param>
/// <param name="SubmittedAt">When.</param>
public sealed record DeskFeedbackEntry(int Rating, string Comment, DateTimeOffset SubmittedAt);
