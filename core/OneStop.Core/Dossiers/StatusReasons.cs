using OneStop.Core.Forms;

namespace OneStop.Core.Dossiers;

/// <summary>
/// Moves the resident must be told the reason for (a refusal, a withdrawal, papers to bring): the reason is written
/// with the status, in the same change, so every office's timeline shows it beside the move.
/// </summary>
public static class StatusReasons
{
    /// <summary>Field of the dossier record holding the reason of the status written in the same change.</summary>
    public const string Field = "status_reason";

    /// <summary>Code of the error when a move that needs a reason comes without one.</summary>
    public const string Missing = "status.reason_required";

    /// <summary>Longest reason kept: a paragraph on a printed slip, not a letter.</summary>
    public const int MaxLength = 1000;

    public static bool IsRequired(DossierStatus to) =>
        to is DossierStatus.Rejected or DossierStatus.Withdrawn or DossierStatus.SupplementRequested;

    /// <summary>What is wrong with <paramref name="reason"/> for a move to <paramref name="to"/>; empty when fine.</summary>
    public static IReadOnlyList<FieldError> Check(DossierStatus to, string? reason)
    {
        if (IsRequired(to) && string.IsNullOrWhiteSpace(reason))
        {
            return [new FieldError(Field, Missing, "Lý do: bắt buộc nhập khi từ chối, rút hồ sơ hoặc yêu cầu bổ sung.", "Reason: required to reject, withdraw or ask for more documents.")];
        }

        return reason is { Length: > MaxLength }
            ? [new FieldError(Field, FormErrorCodes.TooLong, $"Lý do: tối đa {MaxLength} ký tự.", $"Reason: at most {MaxLength} characters.")]
            : [];
    }
}
