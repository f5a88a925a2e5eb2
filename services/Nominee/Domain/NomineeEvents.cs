using Program287g.Contracts.Nominee;

namespace Program287g.Nominee.Domain;

/// <summary>What events say about a nominee: the snapshot every event carries, from the nominee as they stand after the
/// change and the agency and agreement as this service knows them.</summary>
public static class NomineeEvents
{
    public static NomineeSnapshot Snapshot(NomineeRecord nominee, AgreementView agreement) => new()
    {
        NomineeId = nominee.Id,
        ReferenceNumber = nominee.ReferenceNumber,
        AgencyId = nominee.AgencyId,
        AgencyName = agreement.AgencyName,
        State = agreement.State,
        AgreementId = nominee.AgreementId,
        AgreementReference = agreement.ReferenceNumber,
        Model = nominee.Model,
        OfficerName = nominee.OfficerName,
        Status = nominee.Status,
        ContactName = agreement.ContactName,
        ContactEmail = agreement.ContactEmail,
    };
}
