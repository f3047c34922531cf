namespace OneStop.Edge.Ui;

/// <summary>Record types the desk writes beyond those of <see cref="OneStop.Core.Changes.RecordTypes"/>; stable names on the wire.</summary>
public static class DeskRecordTypes
{
    public const string QueueTicket = "queue_ticket";
    public const string Feedback = "feedback";
}
