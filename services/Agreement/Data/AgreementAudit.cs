using Program287g.Agreement.Domain;
using Program287g.Audit;

namespace Program287g.Agreement.Data;

/// <summary>What the audit trail keeps of an agreement a write changed: its ids and codes as the write left it.</summary>
internal static class AgreementAudit
{
    public const string Kind = "agreement";

    /// <summary>A state's list of covered agencies (ReplaceCoveredAgencies), its record id the state's code.</summary>
    public const string CoveredAgencyListKind = "covered_agency_list";

    public static AuditEntry Of(AuditActor actor, AgreementRecord agreement) =>
        actor.On(Kind, agreement.Id.ToString(),
            $"reference={agreement.ReferenceNumber} model={agreement.Model} status={agreement.Status} agency={agreement.AgencyId}");
}
