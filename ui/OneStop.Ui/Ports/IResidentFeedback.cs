namespace OneStop.Ui.Ports;

/// <summary>Residents rate the service from the slip's QR, without an account; one rating per dossier.</summary>
public interface IResidentFeedback
{
    Task<bool> HasFeedbackAsync(Guid dossierId, CancellationToken cancellationToken = default);

    /// <param name="dossierId">The dossier on the resident's slip.</param>
    /// <param name="rating">1 (very unhappy) to 5 (very happy).</param>
    /// <param name="comment">Optional, cut to <see cref="FeedbackLimits.MaxCommentLength"/> characters.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<FeedbackOutcome> SubmitAsync(Guid dossierId, int rating, string? comment, CancellationToken cancellationToken = default);
}

public enum FeedbackOutcome
{
    Saved,

    /// <summary>This dossier was already rated: the guard against one person filling the survey a hundred times.</summary>
    AlreadyGiven,

    /// <summary>No received dossier with that id on this node.</summary>
    UnknownDossier,

    /// <summary>The rating is not 1 to 5.</summary>
    Invalid,
}

public static class FeedbackLimits
{
    public const int MaxCommentLength = 1_000;
}
