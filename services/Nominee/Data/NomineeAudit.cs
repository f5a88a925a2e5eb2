using Program287g.Audit;
using Program287g.Nominee.Domain;

namespace Program287g.Nominee.Data;

/// <summary>What the audit trail keeps of a nominee a write changed: ids, the reference number, the status and the step.
/// Never the officer's name, badge, email, phone or date of birth.</summary>
internal static class NomineeAudit
{
    public const string Kind = "nominee";

    public static AuditEntry Of(AuditActor actor, NomineeRecord nominee, string step) =>
        actor.On(Kind, nominee.Id.ToString(),
            $"step={step} reference={nominee.ReferenceNumber} status={nominee.Status} agreement={nominee.AgreementId} agency={nominee.AgencyId}");
}
