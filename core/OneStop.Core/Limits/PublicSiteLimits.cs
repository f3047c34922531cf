namespace OneStop.Core.Limits;

/// <summary>
/// What the province's public site accepts from residents, written once here and in docs/limits.md: enough for a
/// family's real filings, too little for a flood to fill the hub or a commune's desk.
/// </summary>
public static class PublicSiteLimits
{
    /// <summary>Requests one address may make per minute on the public listener: 60 (a page a second).</summary>
    public const int RequestsPerMinutePerAddress = 60;

    /// <summary>Online filings one CCCD number may make per Vietnam day: 3.</summary>
    public const int FilingsPerCccdPerDay = 3;

    /// <summary>Attachments one online filing may carry: 5.</summary>
    public const int AttachmentsPerFiling = 5;

    /// <summary>Largest attachment of an online filing: 5 MiB (a phone photo or a short PDF).</summary>
    public const long MaxAttachmentBytes = 5L * 1024 * 1024;

    /// <summary>Largest request body of an online filing, attachments included: 26 MiB (five full attachments and the form).</summary>
    public const long MaxFilingBodyBytes = (AttachmentsPerFiling * MaxAttachmentBytes) + (1024 * 1024);

    /// <summary>Longest feedback comment: 1,000 characters.</summary>
    public const int MaxFeedbackChars = 1_000;
}
