namespace Program287g.Agency.Domain;

/// <summary>ListAgencies' filters; null means any.</summary>
public sealed record AgencyFilter(string? State, string? Type, string? Kind)
{
    /// <summary>Binds a page token to the filters it was issued for.</summary>
    public string Key => $"{State}|{Type}|{Kind}";
}

/// <summary>Where a page ends in (normalized_name, id) order: the next page starts after it.</summary>
public sealed record AgencyCursor(string NormalizedName, Guid Id);
