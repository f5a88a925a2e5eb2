using Dapper;
using Program287g.Agency.Domain;

namespace Program287g.Agency.Data;

public sealed partial class AgencyRepository
{
    /// <summary>How many agencies of each kind of match are given: a domain shared by more is no clue to one agency.</summary>
    public const int MaxEmailMatches = 100;

    /// <summary>Agencies whose point of contact has the address, and (unless the domain is free mail) those whose point
    /// of contact writes from its domain, each by name. Both read the indexes of migration 0004.</summary>
    public async Task<(List<AgencyRecord> SameAddress, List<AgencyRecord> SameDomain)> FindByEmailAsync(string address,
        CancellationToken cancellationToken)
    {
        var normalized = address.Trim().ToLowerInvariant();
        var domain = EmailDomains.DomainOf(normalized);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var sameAddress = (await connection.QueryAsync<AgencyRecord>(new CommandDefinition($"""
            SELECT {Columns} FROM agencies WHERE lower(contact_email) = @normalized AND contact_email IS NOT NULL
            ORDER BY normalized_name, state, id LIMIT @limit
            """, new { normalized, limit = MaxEmailMatches }, cancellationToken: cancellationToken))).AsList();
        if (domain.Length == 0 || EmailDomains.IsFreeMail(domain))
        {
            return (sameAddress, []);
        }
        var sameDomain = (await connection.QueryAsync<AgencyRecord>(new CommandDefinition($"""
            SELECT {Columns} FROM agencies
            WHERE lower(split_part(contact_email, '@', 2)) = @domain AND contact_email IS NOT NULL
              AND lower(contact_email) <> @normalized
            ORDER BY normalized_name, state, id LIMIT @limit
            """, new { domain, normalized, limit = MaxEmailMatches }, cancellationToken: cancellationToken))).AsList();
        return (sameAddress, sameDomain);
    }
}
