using Grpc.Core;
using Program287g.Agreement.Data;
using Program287g.Agreement.Domain;
using Program287g.Agreement.IcePublications;
using Program287g.Agreement.V1;
using Program287g.Audit;
using Program287g.Domain;
using Program287g.Persistence;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Errors;
using AgreementStatus = Program287g.Agreement.Domain.AgreementStatus;

namespace Program287g.Agreement.Grpc;

/// <summary>Applications and reads. The lifecycle, the lists, ICE's files and the documents are in the other parts of
/// this class.</summary>
public sealed partial class AgreementGrpcService(AgreementStore store, AgreementQueries queries, AgencyDirectory directory,
    IceListImporter importer, IceListExporter exporter, DocumentStore documents, MandateGapFinder mandates, TimeProvider clock) : AgreementService.AgreementServiceBase
{
    public override async Task<SubmitApplicationResponse> SubmitApplication(SubmitApplicationRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        caller.EnsureMayActFor(request.AgencyId);
        var agency = await directory.GetLawEnforcementAgencyAsync(Guid.Parse(request.AgencyId), context.CancellationToken);
        var now = clock.GetUtcNow();
        var (letter, storedLetter) = Documents.Take(request.LetterOfInterest);
        var (moa, storedMoa) = Documents.Take(request.Moa);
        var draft = NewAgreement(agency, AgreementMapping.ToDomain(request.Model)!.Value.Code(), AgreementStatus.Pending,
            now, AgreementEvents.ApiSource) with { LetterOfInterest = letter, AgencySignedMoa = moa };
        var actor = ActorOf(caller);
        var documents = new[] { storedLetter, storedMoa }.OfType<StoredDocument>().ToList();
        if (request.RenewsAgreementId.Length > 0)
        {
            var renewal = await SubmitRenewalAsync(draft, Guid.Parse(request.RenewsAgreementId), actor, AuditActor.From(context), now, documents,
                context.CancellationToken);
            return new SubmitApplicationResponse { Agreement = renewal.ToMessage() };
        }
        var (agreement, created) = await store.CreateAsync(draft, now, actor, AuditActor.From(context), "submitted", null, documents,
            created => AgreementEvents.Submitted(created, actor, AgreementEvents.ApiSource, now), context.CancellationToken);
        return created
            ? new SubmitApplicationResponse { Agreement = agreement.ToMessage() }
            : throw RpcErrors.AlreadyExists("agreement", agreement.Id.ToString(),
                $"{agreement.AgencyName} already has a {agreement.Status} {agreement.Model} "
                + $"{(agreement.CurrentStatus == AgreementStatus.Pending ? "application" : "agreement")} ({agreement.Id}, "
                + $"{agreement.ReferenceNumber}); an agency holds one open application or agreement per model"
                + (agreement.CurrentStatus == AgreementStatus.Pending ? "." : ", and renews it with 'renews_agreement_id'."));
    }

    public override async Task<GetAgreementResponse> GetAgreement(GetAgreementRequest request, ServerCallContext context)
    {
        var agreement = await ReadableAsync(request.AgreementId, context);
        var addenda = await store.AddendaAsync([agreement.Id], context.CancellationToken);
        return new GetAgreementResponse { Agreement = agreement.ToMessage(addenda) };
    }

    public override async Task<GetAgreementHistoryResponse> GetAgreementHistory(GetAgreementHistoryRequest request,
        ServerCallContext context)
    {
        var agreement = await ReadableAsync(request.AgreementId, context);
        var response = new GetAgreementHistoryResponse();
        response.Transitions.AddRange((await store.HistoryAsync(agreement.Id, context.CancellationToken)).Select(t => t.ToMessage()));
        return response;
    }

    /// <summary>The agreement, if it exists and the caller may see it: NOT_FOUND otherwise, and PERMISSION_DENIED for
    /// an agency user asking about another agency's.</summary>
    private async Task<AgreementRecord> ReadableAsync(string agreementId, ServerCallContext context)
    {
        var agreement = await store.FindAsync(Guid.Parse(agreementId), context.CancellationToken)
            ?? throw RpcErrors.NotFound("agreement", agreementId);
        Caller.From(context).EnsureMayActFor(agreement.AgencyId.ToString());
        return agreement;
    }

    internal static AgreementRecord NewAgreement(AgencySnapshot agency, string model, AgreementStatus status,
        DateTimeOffset submittedAt, string source)
    {
        var stored = DatabaseTime.ToStoredPrecision(submittedAt);
        return new AgreementRecord
        {
            Id = Guid.CreateVersion7(),
            ReferenceNumber = "",
            AgencyId = agency.Id,
            AgencyName = agency.Name,
            AgencySortName = agency.SortName,
            State = agency.State,
            AgencyType = agency.Type,
            County = agency.County,
            ContactName = agency.ContactName,
            ContactEmail = agency.ContactEmail,
            AgencyVersion = agency.Version,
            Model = model,
            Status = status.Key(),
            SubmittedAt = stored,
            Source = source,
            UpdatedAt = stored,
        };
    }

    private static Actor ActorOf(Caller caller) => new(caller.Subject, caller.Role);
}
