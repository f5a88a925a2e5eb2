using Grpc.Core;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Domain;
using Program287g.Nominee.Domain;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.Nominee.Grpc;

/// <summary>The Agency and Agreement services, as the Nominee service asks them at a nomination: does the agreement
/// exist, is it the agency's, what is its status; and who is the agency's point of contact. Both are asked at once.</summary>
public sealed class ProgramDirectory(AgencyService.AgencyServiceClient agencies, AgreementService.AgreementServiceClient agreements)
{
    /// <summary>The agreement with its agency, or NOT_FOUND naming the one missing, or FAILED_PRECONDITION when the
    /// agreement is another agency's. UNAVAILABLE passes through when a service cannot answer.</summary>
    public async Task<AgreementView> AgreementOfAgencyAsync(Guid agencyId, Guid agreementId, CancellationToken cancellationToken)
    {
        var agencyCall = AskAsync("agency", agencyId, () => agencies.GetAgencyAsync(
            new GetAgencyRequest { AgencyId = agencyId.ToString() }, cancellationToken: cancellationToken).ResponseAsync);
        var agreementCall = AskAsync("agreement", agreementId, () => agreements.GetAgreementAsync(
            new GetAgreementRequest { AgreementId = agreementId.ToString() }, cancellationToken: cancellationToken).ResponseAsync);
        // Both awaited together, so neither call's failure goes unobserved; the agency's is reported first.
        await Task.WhenAll(agencyCall, agreementCall);
        var agency = agencyCall.Result.Agency;
        var agreement = agreementCall.Result.Agreement;
        if (!string.Equals(agreement.Agency.AgencyId, agency.AgencyId, StringComparison.OrdinalIgnoreCase))
        {
            // Nothing more of the agreement is said: it is another agency's.
            throw RpcErrors.FailedPrecondition(
                $"Agreement {agreementId} is not an agreement of agency {agency.AgencyId}; an agency nominates officers only under its own agreements.");
        }
        return new AgreementView
        {
            AgreementId = agreementId,
            ReferenceNumber = agreement.ReferenceNumber,
            Model = ToModel(agreement.Model).Code(),
            Status = agreement.Status.ToString().ToLowerInvariant(),
            StatusAt = agreement.UpdatedAt.ToDateTime(),
            AgencyId = agencyId,
            AgencyName = agency.Name,
            State = agency.State,
            ContactName = string.IsNullOrEmpty(agency.PointOfContact?.Name) ? null : agency.PointOfContact.Name,
            ContactEmail = string.IsNullOrEmpty(agency.PointOfContact?.Email) ? null : agency.PointOfContact.Email,
            AgencyVersion = agency.Version,
        };
    }

    private static async Task<T> AskAsync<T>(string resource, Guid id, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            throw RpcErrors.NotFound(resource, id.ToString());
        }
    }

    public static ProgramModel ToModel(Model model) => model switch
    {
        Model.Jem => ProgramModel.JailEnforcement,
        Model.Tfm => ProgramModel.TaskForce,
        Model.Wso => ProgramModel.WarrantServiceOfficer,
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "An agreement always has a model."),
    };

    public static Model ToProto(ProgramModel model) => model switch
    {
        ProgramModel.JailEnforcement => Model.Jem,
        ProgramModel.TaskForce => Model.Tfm,
        ProgramModel.WarrantServiceOfficer => Model.Wso,
        _ => Model.Unspecified,
    };
}
