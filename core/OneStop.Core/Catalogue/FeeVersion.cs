namespace OneStop.Core.Catalogue;

/// <summary>
/// A fee table the province publishes to take effect on a date (a new council resolution on fees). Before the first
/// version's date the procedure's own <see cref="Procedure.Fees"/> apply.
/// </summary>
/// <param name="EffectiveFrom">First local date (UTC+7) on which a received dossier is charged these fees.</param>
/// <param name="Fees">The whole fee table from that date, in the same shape as the catalogue's fees.</param>
public sealed record FeeVersion(DateOnly EffectiveFrom, IReadOnlyList<ProcedureFee> Fees);
