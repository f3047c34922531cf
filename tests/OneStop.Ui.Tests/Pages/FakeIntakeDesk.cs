using OneStop.Core.Catalogue;
using OneStop.Core.Dossiers;
using OneStop.Core.Forms;
using OneStop.Ui.Ports;

namespace OneStop.Ui.Tests.Pages;

/// <summary>The intake port over the shipped catalogue, recording what the pages ask of it.</summary>
internal sealed class FakeIntakeDesk : IIntakeDesk
{
    private static readonly Lazy<(IReadOnlyList<Procedure> Procedures, SharedOptionLists Lists)> Catalogue = new(() =>
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "procedures.json"));
        return (ProcedureCatalogueParser.Parse(json), SharedOptionLists.ParseCatalogue(json));
    });

    public List<DossierFiling> Filed { get; } = [];

    public List<(Guid Id, DossierStatus To, string? Reason)> StatusChanges { get; } = [];

    public Dictionary<Guid, DeskDossier> Dossiers { get; } = [];

    public DeskSettings Settings { get; } = new("UBND xã Sa Pa", "Sa Pa Commune People's Committee", "node-test", null) { CommuneName = "xã Sa Pa" };

    public Task<IReadOnlyList<Procedure>> ListProceduresAsync(CancellationToken cancellationToken = default) => Task.FromResult(Catalogue.Value.Procedures);

    public Task<Procedure?> FindProcedureAsync(string code, CancellationToken cancellationToken = default) =>
        Task.FromResult(Catalogue.Value.Procedures.FirstOrDefault(p => p.Code == code));

    public Task<FormSchema?> FindFormAsync(string procedureCode, int? formVersion = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Catalogue.Value.Procedures.FirstOrDefault(p => p.Code == procedureCode) is { } p ? FormSchemaParser.Parse(p.FormJson, Catalogue.Value.Lists) : null);

    public Task<DeskDossier> FileAsync(DossierFiling filing, CancellationToken cancellationToken = default)
    {
        Filed.Add(filing);
        var dossier = Dossier(Guid.NewGuid(), filing.ProcedureCode, filing.Receive ? DossierStatus.Received : DossierStatus.Draft);
        Dossiers[dossier.Id] = dossier;
        return Task.FromResult(dossier);
    }

    public Task<DeskDossier?> GetDossierAsync(Guid id, CancellationToken cancellationToken = default) => Task.FromResult(Dossiers.GetValueOrDefault(id));

    public Task<DeskDossier> ReceiveAsync(Guid id, CancellationToken cancellationToken = default) => ChangeStatusAsync(id, DossierStatus.Received, null, cancellationToken);

    public Task<DeskDossier> ChangeStatusAsync(Guid id, DossierStatus to, string? reason = null, CancellationToken cancellationToken = default)
    {
        StatusChanges.Add((id, to, reason));
        var changed = Dossiers[id] with { Status = to };
        Dossiers[id] = changed;
        return Task.FromResult(changed);
    }

    public Task<DeskDossier> CollectFeeAsync(Guid id, PaymentMethod method, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ResidentStatus?> FindResidentStatusAsync(Guid id, CancellationToken cancellationToken = default) => Task.FromResult<ResidentStatus?>(null);

    public static DeskDossier Dossier(Guid id, string procedureCode, DossierStatus status) =>
        new(id, procedureCode, "Lý Văn Sử", status, null, new Dictionary<string, string>());
}
