namespace OneStop.Ui.Security;

/// <summary>The signed-in person's role does not allow the action; the screen shows it instead of doing it.</summary>
public sealed class DeskForbiddenException(DeskAction action, string? role)
    : InvalidOperationException($"Role '{role ?? "anonymous"}' may not {action}.")
{
    public DeskAction Action { get; } = action;
    public string? Role { get; } = role;
}
