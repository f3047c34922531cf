using OneStop.Core.Dossiers;

namespace OneStop.Ui.Ports;

/// <summary>The dossier list: filters and search run in the node's store, one page at a time.</summary>
public interface IDeskDossierSearch
{
    Task<DeskDossierPage> SearchAsync(DeskDossierQuery query, CancellationToken cancellationToken = default);
}

/// <param name="Text">A resident's name (diacritics optional), a CCCD number or the start of the dossier code.</param>
/// <param name="Status">Only this status.</param>
/// <param name="ProcedureCode">Only this procedure.</param>
/// <param name="From">Received (or, for a draft, created) on or after this day.</param>
/// <param name="To">... and on or before this day.</param>
/// <param name="Due">Due soon or overdue.</param>
/// <param name="Page">From 1.</param>
public sealed record DeskDossierQuery(string? Text, DossierStatus? Status, string? ProcedureCode, DateOnly? From, DateOnly? To, DeskDueFilter Due, int Page)
{
    /// <summary>Rows per page: 25, a screen's worth at 1024 px.</summary>
    public const int DefaultPageSize = 25;

    public int PageSize { get; init; } = DefaultPageSize;
}

public enum DeskDueFilter
{
    Any,

    /// <summary>Still open and due within two working days.</summary>
    Soon,

    /// <summary>Still open and past its due date.</summary>
    Overdue,
}

/// <param name="Items">This page.</param>
/// <param name="Total">Matches in all pages.</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">Rows per page.</param>
public sealed record DeskDossierPage(IReadOnlyList<DeskDossier> Items, long Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (int)((Total + PageSize - 1) / PageSize);
}
