using System.Data.Common;

namespace OneStop.Storage;

/// <summary>Named parameters on any ADO.NET command; statements name them @like_this, which SQLite and Npgsql both read.</summary>
public static class DbCommandParameters
{
    public static DbParameter AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
