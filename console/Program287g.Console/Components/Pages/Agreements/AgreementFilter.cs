using Program287g.Agreement.V1;

namespace Program287g.Console.Components.Pages.Agreements;

/// <summary>The filters of the applications and agreements list, as the page's query string carries them
/// (<c>?status=pending,suspended&amp;model=jem&amp;state=TX&amp;reference=287G-2026-</c>), so that a filtered list can be
/// linked to, as today's work links to the pending applications.</summary>
public sealed record AgreementFilter(IReadOnlyList<AgreementStatus> Statuses, Model Model, string State, string ReferencePrefix)
{
    public static readonly AgreementFilter Any = new([], Model.Unspecified, "", "");

    /// <summary>Every status a record can have, in lifecycle order.</summary>
    public static readonly IReadOnlyList<AgreementStatus> AllStatuses =
        Enum.GetValues<AgreementStatus>().Where(status => status != AgreementStatus.Unspecified).ToArray();

    /// <summary>Reads the query string; values it does not know (a misspelt status) are left out rather than refused,
    /// as a link from elsewhere should still show a list.</summary>
    public static AgreementFilter FromQuery(string[]? statuses, string? model, string? state, string? reference)
    {
        var parsed = (statuses ?? [])
            .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(name => Enum.TryParse<AgreementStatus>(name, ignoreCase: true, out var status) ? status : AgreementStatus.Unspecified)
            .Where(status => status != AgreementStatus.Unspecified && Enum.IsDefined(status))
            .Distinct()
            .Order()
            .ToArray();
        var parsedModel = Enum.TryParse<Model>(model, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : Model.Unspecified;
        return new AgreementFilter(parsed, parsedModel, state?.Trim() ?? "", reference?.Trim() ?? "");
    }

    /// <summary>The query string parameters for this filter; null removes a parameter.</summary>
    public IReadOnlyDictionary<string, object?> ToQuery() => new Dictionary<string, object?>
    {
        ["status"] = Statuses.Count == 0 ? null : string.Join(',', Statuses.Select(status => status.ToString().ToLowerInvariant())),
        ["model"] = Model == Model.Unspecified ? null : Model.ToString().ToLowerInvariant(),
        ["state"] = State.Length == 0 ? null : State,
        ["reference"] = ReferencePrefix.Length == 0 ? null : ReferencePrefix,
    };

    public ListAgreementsRequest ToRequest(string agencyId, int pageSize, string pageToken)
    {
        var request = new ListAgreementsRequest
        {
            AgencyId = agencyId,
            Model = Model,
            State = State,
            ReferenceNumberPrefix = ReferencePrefix,
            PageSize = pageSize,
            PageToken = pageToken,
        };
        request.Statuses.AddRange(Statuses);
        return request;
    }

    // A page token is only valid with the filters it came with, so the page compares filters to know when to restart.
    public bool Equals(AgreementFilter? other) =>
        other is not null && Statuses.SequenceEqual(other.Statuses) && Model == other.Model
        && State == other.State && ReferencePrefix == other.ReferencePrefix;

    public override int GetHashCode() => HashCode.Combine(Statuses.Count, Model, State, ReferencePrefix);
}
