namespace OneStop.Core.Statistics;

/// <summary>
/// The province's figures for one group of dossiers over one <see cref="ReportRange"/>. Each rate's
/// numerator and denominator are defined in docs/statistics.md.
/// </summary>
/// <param name="Received">Received in the range (drafts never count).</param>
/// <param name="Settled">Decided (approved, rejected, result returned) in the range.</param>
/// <param name="Late">Settled in the range after their due date.</param>
/// <param name="LateWorkingDays">Working days past the due date, summed over <paramref name="Late"/>.</param>
/// <param name="Pending">Received by the range's last day and still open at its end.</param>
/// <param name="PendingOverdue">Of <paramref name="Pending"/>, those whose due date passed before the range's last day.</param>
/// <param name="Online">Received online / received.</param>
/// <param name="OnTime">Settled on or before the due date / settled.</param>
/// <param name="Digitised">Results issued electronically / results issued.</param>
/// <param name="Reused">Received with data reused / received.</param>
/// <param name="Cashless">Paid without cash / paid (exempt and fee-free dossiers are not counted).</param>
/// <param name="Satisfied">Ratings of 4 or 5 / ratings given in the range.</param>
/// <param name="RatingSum">Sum of the ratings given in the range (the average is RatingSum / Satisfied.Denominator).</param>
public sealed record RateReport(
    int Received,
    int Settled,
    int Late,
    int LateWorkingDays,
    int Pending,
    int PendingOverdue,
    Rate Online,
    Rate OnTime,
    Rate Digitised,
    Rate Reused,
    Rate Cashless,
    Rate Satisfied,
    int RatingSum)
{
    public double? AverageRating => Satisfied.Denominator == 0 ? null : (double)RatingSum / Satisfied.Denominator;
}
