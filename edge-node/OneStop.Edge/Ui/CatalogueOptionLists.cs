using Microsoft.Extensions.Options;
using OneStop.Core.Forms;

namespace OneStop.Edge.Ui;

/// <summary>
/// The shared option lists (ethnic groups, ...) forms refer to by options_ref. They are not records yet, so they
/// come from the catalogue file the node was seeded with.
/// </summary>
public sealed class CatalogueOptionLists(IOptions<EdgeOptions> options)
{
    private readonly Lazy<SharedOptionLists> _lists = new(() =>
        File.Exists(options.Value.CatalogueFile)
            ? SharedOptionLists.ParseCatalogue(File.ReadAllText(options.Value.CatalogueFile))
            : SharedOptionLists.Empty);

    public SharedOptionLists Lists => _lists.Value;
}
