namespace OneStop.Storage;

/// <summary>
/// A store's schema set-up run once per process, on first use, however many callers race to it: stores created
/// lazily (not at start-up) would otherwise repeat CREATE ... IF NOT EXISTS on every call.
/// </summary>
public sealed class SchemaOnce(Func<CancellationToken, Task> setUp)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    /// <summary>The set-up of a schema given as SQL, run on <paramref name="database"/>.</summary>
    public SchemaOnce(SqliteDatabase database, string schemaSql)
        : this(ct => database.EnsureSchemaAsync(schemaSql, ct))
    {
    }

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_done)
            {
                await setUp(cancellationToken);
                _done = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
