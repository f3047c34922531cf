using System.Text;
using Npgsql;
using OneStop.Core.Privacy;
using OneStop.Hub.Store;
using OneStop.Hub.Tests.Store;

namespace OneStop.Hub.Tests.Privacy;

/// <summary>The hub on a real PostgreSQL: every table of its database read back as text, as a dump would show it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHubSealedAtRestTests(PostgresServerFixture server) : HubSealedAtRestTests
{
    private string? _connectionString;

    protected override async Task<IHubDatabase> CreateDatabaseAsync(PersonalDataCipher? cipher) =>
        new PostgresHubDatabase(_connectionString = await server.CreateDatabaseAsync()) { Cipher = cipher };

    protected override IHubDatabase Reopen(PersonalDataCipher cipher) => new PostgresHubDatabase(_connectionString!) { Cipher = cipher };

    protected override async Task<byte[]> RawAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("records", tables);
        Assert.Contains("hub_log", tables);
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" t", connection);
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine(reader.GetString(0));
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
