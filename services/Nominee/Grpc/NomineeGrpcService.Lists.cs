using Grpc.Core;
using Program287g.Domain;
using Program287g.Nominee.Data;
using Program287g.Nominee.Domain;
using Program287g.Nominee.V1;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Grpc;

namespace Program287g.Nominee.Grpc;

/// <summary>The lists: nominees and officers, and ICE's course catalog.</summary>
public sealed partial class NomineeGrpcService
{
    private const int DefaultPageSize = 50;

    public override async Task<ListNomineesResponse> ListNominees(ListNomineesRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var agencyId = request.AgencyId;
        if (caller.IsAgencyUser)
        {
            // An agency user's list is its own agency's: asking for another's is refused, not quietly narrowed.
            caller.EnsureMayActFor(agencyId.Length == 0 ? caller.AgencyId ?? "" : agencyId);
            agencyId = caller.AgencyId!;
        }
        var filter = new NomineeFilter(
            agencyId.Length == 0 ? null : Guid.Parse(agencyId),
            request.AgreementId.Length == 0 ? null : Guid.Parse(request.AgreementId),
            request.Model == Agreement.V1.Model.Unspecified ? null : ProgramDirectory.ToModel(request.Model).Code(),
            request.Statuses.Select(s => NomineeMapping.ToDomain(s)!.Value.Key()).Distinct().ToList());
        var cursor = PageTokens.Decode<NomineeCursor>(request.PageToken, filter.Key, c => c.SortName is not null && !c.SortName.Contains('\0'));
        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var page = await queries.ListAsync(filter, cursor, size + 1, context.CancellationToken);
        var response = new ListNomineesResponse();
        response.Nominees.AddRange(page.Take(size).Select(view => view.ToMessage(Catalog)));
        if (page.Count > size)
        {
            var last = page[size - 1].Nominee;
            response.NextPageToken = PageTokens.Encode(new NomineeCursor(last.SortName, last.Id), filter.Key);
        }
        return response;
    }

    public override Task<ListTrainingCoursesResponse> ListTrainingCourses(ListTrainingCoursesRequest request, ServerCallContext context)
    {
        var response = new ListTrainingCoursesResponse
        {
            PassMarkPercent = Catalog.PassMarkPercent, AttemptsPerExam = Catalog.AttemptsPerExam,
        };
        var courses = request.Model == Agreement.V1.Model.Unspecified
            ? Catalog.Courses
            : Catalog.For(ProgramDirectory.ToModel(request.Model));
        response.Courses.AddRange(courses.Select(course => course.ToMessage()));
        return Task.FromResult(response);
    }
}
