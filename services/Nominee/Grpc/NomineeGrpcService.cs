using Grpc.Core;
using Microsoft.Extensions.Options;
using Program287g.Audit;
using Program287g.Contracts;
using Program287g.Contracts.Nominee;
using Program287g.Domain;
using Program287g.Nominee.Data;
using Program287g.Nominee.Domain;
using Program287g.Nominee.V1;
using Program287g.Persistence;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Errors;
using Program287g.ServiceDefaults.Grpc;
using NomineeStatus = Program287g.Nominee.Domain.NomineeStatus;

namespace Program287g.Nominee.Grpc;

/// <summary>Nominations and reads. The pipeline's steps and the authorization are in the other parts of this class.</summary>
public sealed partial class NomineeGrpcService(NomineeStore store, NomineeQueries queries, ProgramDirectory directory,
    IOptions<TrainingCatalog> catalog, IOptions<AuthorizationTerms> terms, TimeProvider clock) : NomineeService.NomineeServiceBase
{
    private TrainingCatalog Catalog => catalog.Value;

    public override async Task<NominateOfficerResponse> NominateOfficer(NominateOfficerRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        caller.EnsureMayActFor(request.AgencyId);
        var (agencyId, agreementId) = (Guid.Parse(request.AgencyId), Guid.Parse(request.AgreementId));
        var known = await store.KnownActiveAsync(agencyId, agreementId, context.CancellationToken);
        var agreement = known ?? await directory.AgreementOfAgencyAsync(agencyId, agreementId, context.CancellationToken);
        if (!agreement.IsActive)
        {
            throw NotActive(agreement.AgreementId, agreement.ReferenceNumber, agreement.Status);
        }
        var now = clock.GetUtcNow();
        var draft = NewNominee(request, agreement, now);
        var actor = ActorOf(caller);
        var outcome = await store.NominateAsync(agreement, asKnown: known is not null, draft, actor, AuditActor.From(context), (nominee, known) => Nominated(nominee, known, actor, now),
            context.CancellationToken);
        return outcome switch
        {
            NominationOutcome.Created created => new NominateOfficerResponse
            {
                Nominee = new NomineeView(created.Nominee, created.Agreement, []).ToMessage(Catalog),
            },
            NominationOutcome.AlreadyOpen open => throw RpcErrors.AlreadyExists("nominee", open.Existing.Id.ToString(),
                $"Badge {open.Existing.BadgeNumber} already has an open nomination under agreement {agreement.ReferenceNumber} "
                + $"({open.Existing.Id}, {open.Existing.ReferenceNumber}, {open.Existing.CurrentStatus.Describe()})."),
            NominationOutcome.AgreementNotActive refused => throw NotActive(agreement.AgreementId, agreement.ReferenceNumber, refused.Status),
            _ => throw new InvalidOperationException($"Unexpected nomination outcome {outcome}."),
        };
    }

    public override async Task<GetNomineeResponse> GetNominee(GetNomineeRequest request, ServerCallContext context) =>
        new() { Nominee = (await ReadableAsync(request.NomineeId, context)).ToMessage(Catalog) };

    public override async Task<GetNomineeHistoryResponse> GetNomineeHistory(GetNomineeHistoryRequest request, ServerCallContext context)
    {
        var view = await ReadableAsync(request.NomineeId, context);
        var response = new GetNomineeHistoryResponse();
        response.Steps.AddRange((await queries.HistoryAsync(view.Nominee.Id, context.CancellationToken)).Select(s => s.ToMessage()));
        return response;
    }

    /// <summary>The nominee, if they exist and the caller may see them: NOT_FOUND otherwise, and PERMISSION_DENIED for
    /// an agency user asking about another agency's.</summary>
    private async Task<NomineeView> ReadableAsync(string nomineeId, ServerCallContext context)
    {
        var view = await queries.FindAsync(Guid.Parse(nomineeId), context.CancellationToken)
            ?? throw RpcErrors.NotFound("nominee", nomineeId);
        Caller.From(context).EnsureMayActFor(view.Nominee.AgencyId.ToString());
        return view;
    }

    private static NomineeRecord NewNominee(NominateOfficerRequest request, AgreementView agreement, DateTimeOffset now)
    {
        var nominatedOn = ProgramTime.DateOf(now);
        var officer = request.Officer;
        var firstSworn = request.FirstSwornOn.ToDateOnly()!.Value;
        var attests = request.Attestation.KnowsAndHasEnforcedJurisdictionLaws;
        var reasons = Domain.Eligibility.Decide(new NominationFacts(ProgramModels.Parse(agreement.Model)!.Value, request.UsCitizen,
            attests, firstSworn, nominatedOn));
        var middle = string.IsNullOrWhiteSpace(officer.MiddleName) ? null : officer.MiddleName.Trim();
        var stored = DatabaseTime.ToStoredPrecision(now);
        return new NomineeRecord
        {
            Id = Guid.CreateVersion7(),
            ReferenceNumber = "",
            AgencyId = agreement.AgencyId,
            AgreementId = agreement.AgreementId,
            Model = agreement.Model,
            GivenName = officer.GivenName.Trim(),
            MiddleName = middle,
            FamilyName = officer.FamilyName.Trim(),
            SortName = $"{officer.FamilyName.Trim()} {officer.GivenName.Trim()} {middle}".Trim().ToUpperInvariant(),
            BadgeNumber = officer.BadgeNumber.Trim(),
            BadgeKey = officer.BadgeNumber.Trim().ToUpperInvariant(),
            DateOfBirth = officer.DateOfBirth.ToDateOnly()!.Value,
            Email = officer.Email,
            Phone = string.IsNullOrWhiteSpace(officer.Phone) ? null : officer.Phone.Trim(),
            UsCitizen = request.UsCitizen,
            FirstSwornOn = firstSworn,
            AttestedBy = request.Attestation.AttestedBy.Trim(),
            AttestedTitle = request.Attestation.Title.Trim(),
            AttestedOn = request.Attestation.AttestedOn.ToDateOnly()!.Value,
            AttestsJurisdiction = attests,
            NominatedAt = stored,
            NominatedOn = nominatedOn,
            Eligible = reasons.Count == 0,
            IneligibilityReasons = reasons.Select(r => r.Key()).ToArray(),
            Status = (reasons.Count == 0 ? NomineeStatus.Eligible : NomineeStatus.Ineligible).Key(),
            UpdatedAt = stored,
        };
    }

    private static IEnumerable<IntegrationEvent> Nominated(NomineeRecord nominee, AgreementView agreement, Actor actor, DateTimeOffset now)
    {
        var snapshot = NomineeEvents.Snapshot(nominee, agreement);
        yield return new OfficerNominated
        {
            MessageId = Guid.CreateVersion7(), OccurredAt = now, Nominee = snapshot, Actor = actor.Subject,
            NominatedAt = now, NominatedBy = nominee.AttestedBy,
        };
        yield return new NomineeEligibilityDecided
        {
            MessageId = Guid.CreateVersion7(), OccurredAt = now, Nominee = snapshot, Actor = actor.Subject,
            Eligible = nominee.Eligible, Reasons = nominee.IneligibilityReasons,
        };
    }

    private static RpcException NotActive(Guid agreementId, string reference, string status) =>
        RpcErrors.FailedPrecondition(
            $"Agreement {agreementId} ({reference}) is {status}; officers are nominated only under an active (signed) agreement.");

    private static Actor ActorOf(Caller caller) => new(caller.Subject, caller.Role);
}
