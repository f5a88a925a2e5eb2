using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Notification.V1;
using Program287g.Testing;

namespace Program287g.EndToEndTests;

/// <summary>The whole system, as ./run.sh starts it: an application submitted on the Agreement service reaches the
/// Notification service through the outbox and RabbitMQ, and one acknowledgment lands in smtp4dev's mailbox; the
/// dashboard holds it all as one trace, from the caller's gRPC call to the SMTP send.</summary>
public abstract class AcknowledgmentAcrossTheSystem(AppHostFixture system)
{
    [Fact]
    public async Task An_application_submitted_over_grpc_puts_one_acknowledgment_in_the_mailbox_and_one_trace_in_the_dashboard()
    {
        using var listener = Tracing.ListenToEverything();
        using var source = new ActivitySource("Program287g.EndToEndTests");
        var contact = $"pat.{Guid.NewGuid():N}@example.gov";
        var agencies = new AgencyService.AgencyServiceClient(system.Channel(ResourceNames.AgencyService, system.Tokens.Staff()));
        var agreements = new AgreementService.AgreementServiceClient(system.Channel(ResourceNames.AgreementService, system.Tokens.Staff()));
        var notifications = new NotificationService.NotificationServiceClient(system.Channel(ResourceNames.NotificationService, system.Tokens.Staff()));
        var agency = (await agencies.RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = $"Mailbox County Sheriff's Office {Guid.NewGuid():N}", State = "GA", Type = AgencyType.County,
            Kind = AgencyKind.SheriffsOffice, PointOfContact = new PointOfContact { Name = "Pat Roe", Email = contact },
        })).Agency;
        var signedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3));
        SignedDocument Signed(string text) => new()
        {
            Data = ByteString.CopyFromUtf8(text), SignerName = "Pat Roe", SignerTitle = "Sheriff",
            SignedOn = new Google.Type.Date { Year = signedOn.Year, Month = signedOn.Month, Day = signedOn.Day },
        };

        string traceId;
        Program287g.Agreement.V1.Agreement application;
        using (var call = source.StartActivity("agency applies for JEM", ActivityKind.Client)!)
        {
            traceId = call.TraceId.ToString();
            application = (await agreements.SubmitApplicationAsync(new SubmitApplicationRequest
            {
                AgencyId = agency.AgencyId, Model = Model.Jem, LetterOfInterest = Signed("%PDF LoI"), Moa = Signed("%PDF MOA"),
            })).Agreement;
        }

        using var mailbox = new HttpClient { BaseAddress = system.App.GetEndpoint(ResourceNames.Smtp, "http") };
        var mail = await Eventually.ReturnsAsync(() => MessagesToAsync(mailbox, contact), found => found.Count > 0, TimeSpan.FromSeconds(60));
        var sent = await Eventually.ReturnsAsync(async () => (await notifications.ListNotificationsAsync(new ListNotificationsRequest
            {
                AgencyId = agency.AgencyId, Kind = NotificationKind.ApplicationAcknowledgment,
            })).Notifications.SingleOrDefault(), n => n?.Status == NotificationStatus.Sent, TimeSpan.FromSeconds(30));
        (await MessagesToAsync(mailbox, contact)).Count.ShouldBe(1);
        mail.Single().Subject.ShouldContain(application.ReferenceNumber);
        sent!.ReferenceNumber.ShouldBe(application.ReferenceNumber);
        sent.Recipient.ShouldBe(contact);

        // Three services export these spans, each in its own batches: wait for every one the assertions read.
        const string submit = "POST /program287g.agreement.v1.AgreementService/SubmitApplication";
        var consumer = new ExpectedSpan("the consumer's span", span => span.Service == ResourceNames.NotificationService
            && span.Name.Contains("application-submitted", StringComparison.Ordinal));
        var spans = await DashboardTelemetry.WaitForSpansAsync(system.Dashboard, $"traceId={traceId}", TimeSpan.FromSeconds(60),
            ExpectedSpan.Named(ResourceNames.AgreementService, submit), ExpectedSpan.Named(ResourceNames.AgreementService, "outbox publish"),
            consumer, ExpectedSpan.Named(ResourceNames.NotificationService, "notification send"));
        var names = spans.Select(span => span.Name).ToList();
        names.ShouldContain(submit);
        names.ShouldContain("outbox publish");
        names.ShouldContain(name => name.Contains("application-submitted", StringComparison.Ordinal), "the consumer's span");
        names.ShouldContain("notification send");
    }

    private static async Task<List<(string Id, string Subject)>> MessagesToAsync(HttpClient mailbox, string recipient)
    {
        var listing = await mailbox.GetFromJsonAsync<JsonElement>($"api/messages?searchTerms={Uri.EscapeDataString(recipient)}&pageSize=50");
        return [.. listing.GetProperty("results").EnumerateArray()
            .Where(m => m.GetProperty("deliveredTo").GetString() == recipient)
            .Select(m => (m.GetProperty("id").GetString()!, m.GetProperty("subject").GetString() ?? ""))];
    }
}

[Collection(AppHostCollection.Name)]
public sealed class AcknowledgmentAcrossTheSystemTests(AppHostFixture system) : AcknowledgmentAcrossTheSystem(system);

[Collection(TwoInstancesCollection.Name)]
public sealed class AcknowledgmentAcrossTwoInstancesTests(TwoInstancesFixture system) : AcknowledgmentAcrossTheSystem(system);
