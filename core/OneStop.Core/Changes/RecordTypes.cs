namespace OneStop.Core.Changes;

/// <summary>Record type names as they travel in change entries; stable across versions.</summary>
public static class RecordTypes
{
    public const string Dossier = "dossier";
    public const string Attachment = "attachment";
    public const string Payment = "payment";
    public const string Procedure = "procedure";
    public const string StaffAccount = "staff_account";
    public const string NodeConfig = "node_config";
    public const string QueueTicket = "queue_ticket";
    public const string Feedback = "feedback";

    /// <summary>One year's public-holiday schedule published by the province (id from the year, global scope).</summary>
    public const string HolidayYear = "holiday_year";

    /// <summary>The account a commune's VietQR codes pay into (id from the commune code, the commune's scope).</summary>
    public const string CommuneBankAccount = "commune_bank_account";

    /// <summary>Reference types are written by the hub only and live in the global scope.</summary>
    public static bool IsReference(string type) => type is Procedure or StaffAccount or NodeConfig or HolidayYear or CommuneBankAccount;
}
