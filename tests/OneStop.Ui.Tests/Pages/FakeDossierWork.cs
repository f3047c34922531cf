using OneStop.Core.Dossiers;
using OneStop.Ui.Ports;

namespace OneStop.Ui.Tests.Pages;

/// <summary>The dossier list's search port: records each query and answers with the dossiers it was given.</summary>
internal sealed class FakeDossierSearch : IDeskDossierSearch
{
    public List<DeskDossierQuery> Queries { get; } = [];

    public List<DeskDossier> Rows { get; } = [];

    public long Total { get; set; }

    public Task<DeskDossierPage> SearchAsync(DeskDossierQuery query, CancellationToken cancellationToken = default)
    {
        Queries.Add(query);
        return Task.FromResult(new DeskDossierPage([.. Rows], Math.Max(Total, Rows.Count), query.Page, query.PageSize));
    }
}

/// <summary>Draft edits and corrections: records what the page sends, refuses a correction without a reason as the node does.</summary>
internal sealed class FakeDossierEdits(FakeIntakeDesk desk) : IDeskDossierEdits
{
    public List<(Guid Id, string Name, IReadOnlyDictionary<string, string?> Answers, string? Reason)> Saved { get; } = [];

    public Dictionary<Guid, List<Correction>> Corrections { get; } = [];

    public Task<DeskDossier> SaveAsync(Guid id, string applicantName, IReadOnlyDictionary<string, string?> answers, string? reason, CancellationToken cancellationToken = default)
    {
        var dossier = desk.Dossiers[id];
        if (DossierCorrections.Check(dossier.Status, reason) is { Count: > 0 } errors)
        {
            throw new DeskValidationException(errors);
        }

        Saved.Add((id, applicantName, new Dictionary<string, string?>(answers), reason));
        return Task.FromResult(dossier with { ApplicantName = applicantName });
    }

    public Task<IReadOnlyList<Correction>> ListCorrectionsAsync(Guid id, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Correction>>(Corrections.TryGetValue(id, out var list) ? [.. list] : []);
}

/// <summary>Open conflicts as a list the test fills.</summary>
internal sealed class FakeConflicts : IDeskConflicts
{
    public List<DeskConflict> Open { get; } = [];

    public Task<IReadOnlyList<DeskConflict>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<DeskConflict>>([.. Open]);

    public Task<bool> ResolveAsync(Guid conflictId, ConflictSideChoice keep, CancellationToken cancellationToken = default) =>
        Task.FromResult(Open.RemoveAll(c => c.Id == conflictId) > 0);
}

/// <summary>Residents' ratings the test sets per dossier.</summary>
internal sealed class FakeDeskFeedback : IDeskFeedback
{
    public Dictionary<Guid, DeskFeedbackEntry> ByDossier { get; } = [];

    public List<OneStop.Core.Statistics.FeedbackWeek> Weeks { get; } = [];

    public Task<DeskFeedbackEntry?> ForDossierAsync(Guid dossierId, CancellationToken cancellationToken = default) =>
        Task.FromResult(ByDossier.GetValueOrDefault(dossierId));

    public Task<IReadOnlyList<OneStop.Core.Statistics.FeedbackWeek>> WeeklyAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OneStop.Core.Statistics.FeedbackWeek>>([.. Weeks]);
}
