using System.Data;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Program287g.Persistence;

/// <summary>Maps PostgreSQL's date to <see cref="DateOnly"/> both ways for Dapper. Dapper's handlers are global to the
/// process, so this is registered once, whichever service (or test host running several) asks first.</summary>
public static class DapperDates
{
    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            SqlMapper.AddTypeHandler(new DateOnlyHandler());
        }
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override DateOnly Parse(object value) => value switch
        {
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            _ => throw new DataException($"Cannot read {value.GetType()} as a date."),
        };

        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.Value = value;
            if (parameter is NpgsqlParameter npgsql)
            {
                npgsql.NpgsqlDbType = NpgsqlDbType.Date;
            }
        }
    }
}
