using Program287g.Agreement.Data;
using Program287g.Agreement.Domain;
using Program287g.Agreement.V1;
using StateMandate = Program287g.Agreement.Domain.StateMandate;

namespace Program287g.Agreement.Grpc;

internal static class MandateMapping
{
    public static V1.StateMandate ToMessage(this StateMandate mandate, DateOnly day, CoveredAgencyList list, int covered)
    {
        var message = new V1.StateMandate
        {
            State = mandate.State, Law = mandate.Law, Requirement = mandate.Requirement,
            InForceFrom = AgreementMapping.ToProto(mandate.InForceFrom),
            ComplyBy = mandate.ComplyBy is { } comply ? AgreementMapping.ToProto(comply) : null,
            RequestSatisfies = mandate.RequestSatisfiesOn(day),
            SignedRequiredFrom = mandate.RequestSatisfiesUntil is { } until && until != DateOnly.MinValue ? AgreementMapping.ToProto(until) : null,
            Coverage = list.Loaded ? MandateCoverage.LoadedList : MandateCoverage.RegisteredAgencies,
            CoveredAgencies = covered,
            CoverageNote = list.Loaded
                ? $"The {covered} agencies on the list staff loaded on {list.LoadedAt:yyyy-MM-dd} are checked, registered or not."
                : $"No list of covered agencies is loaded for {mandate.State}: the {covered} registered agencies of the kinds the law "
                  + "names are checked, so a covered agency that is not registered cannot be listed and the law's narrower terms "
                  + "(such as only counties that operate a jail) are not applied. Load the list with ReplaceCoveredAgencies.",
        };
        message.Models.AddRange(mandate.SatisfyingModels.Select(AgreementMapping.ToProto));
        message.Covers.AddRange(mandate.Covers.Select(ToProto));
        return message;
    }

    public static CoveredAgency ToMessage(this CoveredAgencyEntry entry) =>
        new() { Name = entry.Name, County = entry.County ?? "", Kind = ToProto(entry.Kind) };

    public static CoveredAgencyEntry ToEntry(this CoveredAgency agency) => new(Program287g.Domain.SpacedText.Collapse(agency.Name),
        string.IsNullOrWhiteSpace(agency.County) ? null : Program287g.Domain.SpacedText.Collapse(agency.County), ToDomain(agency.Kind)!.Value);

    public static CoveredAgencyKind ToProto(CoveredKind kind) => kind switch
    {
        CoveredKind.Sheriff => CoveredAgencyKind.Sheriff,
        CoveredKind.Jail => CoveredAgencyKind.Jail,
        CoveredKind.StateCorrections => CoveredAgencyKind.StateCorrections,
        _ => CoveredAgencyKind.Unspecified,
    };

    public static CoveredKind? ToDomain(CoveredAgencyKind kind) => kind switch
    {
        CoveredAgencyKind.Sheriff => CoveredKind.Sheriff,
        CoveredAgencyKind.Jail => CoveredKind.Jail,
        CoveredAgencyKind.StateCorrections => CoveredKind.StateCorrections,
        _ => null,
    };

    /// <summary>The kind as the .proto spells it (without its prefix), for messages.</summary>
    public static string ProtoName(CoveredKind kind) => kind switch
    {
        CoveredKind.StateCorrections => "STATE_CORRECTIONS",
        _ => kind.ToString().ToUpperInvariant(),
    };

    public static MandateGapReason ToProto(GapReason reason) => reason switch
    {
        GapReason.NoAgencyRegistered => MandateGapReason.NoAgencyRegistered,
        GapReason.NoApplication => MandateGapReason.NoApplication,
        GapReason.PendingOnly => MandateGapReason.PendingOnly,
        GapReason.WrongModel => MandateGapReason.WrongModel,
        _ => MandateGapReason.Unspecified,
    };
}
