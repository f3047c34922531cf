using OneStop.Core.Changes;

namespace OneStop.Edge.Store;

public sealed partial class EdgeStore
{
    /// <summary>
    /// As <see cref="WriteAsync"/>, with <paramref name="namingField"/> in every logged entry that changes anything
    /// (see <see cref="LocalWrite.FieldsNaming"/>): the hub takes a node's staff account only when it names its user.
    /// </summary>
    public async Task<StoredRecord> WriteNamingAsync(Guid id, string type, string scope, IReadOnlyDictionary<string, string?> values, string namingField, CancellationToken cancellationToken = default)
    {
        BeforeWrite?.Invoke();
        var record = await _writer.WriteSqliteAsync(
            (connection, transaction) => WriteInTransactionAsync(connection, transaction, id, type, scope, (local, version) => LocalWrite.FieldsNaming(local, values, namingField, version), cancellationToken),
            Clock,
            cancellationToken);
        LocalWriteCommitted?.Invoke();
        return record;
    }
}
