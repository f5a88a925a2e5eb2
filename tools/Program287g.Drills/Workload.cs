using System.Collections.Concurrent;
using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Nominee.V1;
using Program287g.Notification.V1;
using ProtoDate = Google.Type.Date;

namespace Program287g.Drills;

/// <summary>One call of the burst: what it was, the key its effect is found by, how it ended and what it answered.</summary>
public sealed record CallRecord(string Kind, string Key, StatusCode Code, TimeSpan Latency, string? Id = null, string? Reference = null);

/// <summary>The burst: units of real work, each an agency registered, its application submitted and signed, an officer
/// nominated under the agreement and an inquiry about the agency, run by <paramref name="concurrency"/> workers until
/// <paramref name="calls"/> calls are made. A unit stops at its first failed call (what follows needs it). Calls carry a
/// deadline and are never retried, so every call's outcome is the service's own.</summary>
public sealed class Workload(SystemServices services, string staffToken, string run, int calls, int concurrency, TimeSpan deadline)
{
    private readonly ConcurrentQueue<CallRecord> _records = new();
    private int _started;

    public IReadOnlyCollection<CallRecord> Records => _records;

    public int CallsMade => _records.Count;

    public TimeSpan Deadline => deadline;

    /// <summary>Runs the burst; <paramref name="halfway"/> is raised once (without waiting for it) when half the calls are made.</summary>
    public async Task RunAsync(Func<Task> halfway)
    {
        var metadata = new Metadata { { "Authorization", $"Bearer {staffToken}" } };
        var agencies = new AgencyService.AgencyServiceClient(services.Channel(ResourceNames.AgencyService));
        var agreements = new AgreementService.AgreementServiceClient(services.Channel(ResourceNames.AgreementService));
        var nominees = new NomineeService.NomineeServiceClient(services.Channel(ResourceNames.NomineeService));
        var notifications = new NotificationService.NotificationServiceClient(services.Channel(ResourceNames.NotificationService));
        Task? fault = null;
        var unit = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Add(ref _started, 0) < calls)
            {
                var n = Interlocked.Increment(ref unit);
                await UnitAsync(n, agencies, agreements, nominees, notifications, metadata, () =>
                {
                    if (Interlocked.Increment(ref _started) == calls / 2)
                    {
                        fault = Task.Run(halfway);
                    }
                });
            }
        }));
        if (fault is not null)
        {
            await fault;
        }
    }

    private async Task UnitAsync(int n, AgencyService.AgencyServiceClient agencies, AgreementService.AgreementServiceClient agreements,
        NomineeService.NomineeServiceClient nominees, NotificationService.NotificationServiceClient notifications, Metadata metadata,
        Action counted)
    {
        var today = Program287g.Domain.ProgramTime.DateOf(DateTimeOffset.UtcNow);
        var signedOn = new ProtoDate { Year = today.Year, Month = today.Month, Day = today.Day };
        var name = $"Drill {run} County {n} Sheriff's Office";
        var agency = await CallAsync("register", name, counted, () => agencies.RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = name, State = "TX", Type = AgencyType.County, Kind = AgencyKind.SheriffsOffice, County = "Drill",
            PointOfContact = new PointOfContact { Name = "Drill Contact", Email = $"drill.{run}.{n}@example.gov" },
        }, metadata, Until()), r => (r.Agency.AgencyId, null));
        if (agency is null)
        {
            return;
        }
        SignedDocument Signed(string text) => new()
        {
            Data = ByteString.CopyFromUtf8(text), SignerName = "Sheriff Drill", SignerTitle = "Sheriff", SignedOn = signedOn,
        };
        var application = await CallAsync("apply", agency.Agency.AgencyId, counted, () => agreements.SubmitApplicationAsync(
            new SubmitApplicationRequest { AgencyId = agency.Agency.AgencyId, Model = Model.Jem, LetterOfInterest = Signed("%PDF LoI"), Moa = Signed("%PDF MOA") },
            metadata, Until()), r => (r.Agreement.AgreementId, r.Agreement.ReferenceNumber));
        if (application is null)
        {
            return;
        }
        var id = application.Agreement.AgreementId;
        var signed = await CallAsync("sign", id, counted, () => agreements.SignAgreementAsync(new SignAgreementRequest
        {
            AgreementId = id, IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "Field Office Director", SignedOn = signedOn },
        }, metadata, Until()), r => (r.Agreement.AgreementId, r.Agreement.ReferenceNumber));
        if (signed is null)
        {
            return;
        }
        var nominated = await CallAsync("nominate", $"{id}/D-{n}", counted, () => nominees.NominateOfficerAsync(new NominateOfficerRequest
        {
            AgencyId = agency.Agency.AgencyId, AgreementId = id, UsCitizen = true, FirstSwornOn = new ProtoDate { Year = 2012, Month = 3, Day = 1 },
            Officer = new Officer
            {
                GivenName = "Jordan", FamilyName = $"Drill{n}", BadgeNumber = $"D-{n}", DateOfBirth = new ProtoDate { Year = 1985, Month = 5, Day = 17 },
                Email = $"officer.{run}.{n}@example.gov",
            },
            Attestation = new AgencyHeadAttestation { AttestedBy = "Sheriff Drill", Title = "Sheriff", AttestedOn = signedOn, KnowsAndHasEnforcedJurisdictionLaws = true },
        }, metadata, Until()), r => (r.Nominee.NomineeId, r.Nominee.ReferenceNumber));
        if (nominated is null)
        {
            return;
        }
        var requestId = Guid.NewGuid().ToString();
        await CallAsync("inquire", requestId, counted, () => notifications.SubmitInquiryAsync(new SubmitInquiryRequest
        {
            InquirerName = "Drill Contact", ContactEmail = $"drill.{run}.{n}@example.gov", Subject = $"Drill {run} question {n}",
            Text = "When does training start?", AgencyId = agency.Agency.AgencyId, RequestId = requestId,
        }, metadata, Until()), r => (r.Inquiry.InquiryId, r.Inquiry.ReferenceNumber));
    }

    private DateTime Until() => DateTime.UtcNow + deadline;

    private async Task<T?> CallAsync<T>(string kind, string key, Action counted, Func<AsyncUnaryCall<T>> call,
        Func<T, (string Id, string? Reference)> describe) where T : class
    {
        counted();
        var clock = Stopwatch.StartNew();
        try
        {
            var response = await call();
            var (id, reference) = describe(response);
            _records.Enqueue(new CallRecord(kind, key, StatusCode.OK, clock.Elapsed, id, reference));
            return response;
        }
        catch (RpcException exception)
        {
            _records.Enqueue(new CallRecord(kind, key, exception.StatusCode, clock.Elapsed));
            return null;
        }
    }
}
