using System.Data;
using System.Text.Json;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using Program287g.Agreement.Domain;
using Program287g.Persistence;

namespace Program287g.Agreement.Data;

/// <summary>How the agreement tables' date and JSON columns map to the domain types. Registered once per process
/// (Dapper's handlers are global).</summary>
public static class DapperTypes
{
    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }
        DapperDates.Register();
        SqlMapper.AddTypeHandler(new JsonbHandler<DocumentInfo>());
        SqlMapper.AddTypeHandler(new JsonbHandler<TerminationInfo>());
    }

    private sealed class JsonbHandler<T> : SqlMapper.TypeHandler<T?> where T : class
    {
        private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

        public override T? Parse(object value) => JsonSerializer.Deserialize<T>((string)value, Options);

        public override void SetValue(IDbDataParameter parameter, T? value)
        {
            parameter.Value = value is null ? DBNull.Value : JsonSerializer.Serialize(value, Options);
            if (parameter is NpgsqlParameter npgsql)
            {
                npgsql.NpgsqlDbType = NpgsqlDbType.Jsonb;
            }
        }
    }
}
