using System.Net.Http.Json;
using System.Text.Json;
using Program287g.Agency.V1;
using Program287g.Notification.V1;
using Program287g.Testing;

namespace Program287g.EndToEndTests;

/// <summary>The program mailbox of the system as ./run.sh starts it: an agency's email appended to the Dovecot the
/// AppHost runs becomes an application in the Agreement service, its acknowledgment lands in smtp4dev, and the dashboard
/// holds one trace from the intake to the send.</summary>
public abstract class MailboxAcrossTheSystem(AppHostFixture system)
{
    [Fact]
    public async Task An_emailed_application_becomes_an_application_with_one_acknowledgment_and_one_trace()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Mailbox, timeout.Token);
        var connectionString = await system.App.GetConnectionStringAsync(ResourceNames.Mailbox, timeout.Token);
        await using var mailbox = TestImapServer.Running(connectionString.ShouldNotBeNull());
        var contact = $"pat.{Guid.NewGuid():N}@mailbox-county.example.gov";
        var agencies = new AgencyService.AgencyServiceClient(system.Channel(ResourceNames.AgencyService, system.Tokens.Staff()));
        var notifications = new NotificationService.NotificationServiceClient(system.Channel(ResourceNames.NotificationService, system.Tokens.Staff()));
        var agency = (await agencies.RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = $"Mailbox County Sheriff's Office {Guid.NewGuid():N}", State = "GA", Type = AgencyType.County,
            Kind = AgencyKind.SheriffsOffice, PointOfContact = new PointOfContact { Name = "Pat Roe", Email = contact },
        })).Agency;
        var email = TestMail.Application(contact, agency.Name, "Jail Enforcement Model");

        await mailbox.AppendAsync(email);

        var record = await Eventually.ReturnsAsync(async () => (await notifications.ListMailboxMessagesAsync(
                new ListMailboxMessagesRequest { PageSize = 500 })).Messages.SingleOrDefault(m => m.InternetMessageId == email.MessageId),
            found => found?.ReferenceNumber.Length > 0, TimeSpan.FromSeconds(60));
        record!.Outcome.ShouldBe(MailboxOutcome.Application);
        record.AgencyId.ShouldBe(agency.AgencyId);
        using var smtp = new HttpClient { BaseAddress = system.App.GetEndpoint(ResourceNames.Smtp, "http") };
        var mail = await Eventually.ReturnsAsync(() => MessagesToAsync(smtp, contact), found => found.Count > 0, TimeSpan.FromSeconds(60));
        await Eventually.ReturnsAsync(async () => (await notifications.ListNotificationsAsync(new ListNotificationsRequest
            {
                AgencyId = agency.AgencyId, Kind = NotificationKind.ApplicationAcknowledgment,
            })).Notifications.SingleOrDefault(), n => n?.Status == NotificationStatus.Sent, TimeSpan.FromSeconds(30));
        mail.ShouldHaveSingleItem().Subject.ShouldContain(record.ReferenceNumber);
        (await MessagesToAsync(smtp, contact)).Count.ShouldBe(1);

        // Three services export these spans, each in its own batches: wait for every one the assertions read.
        record.TraceId.ShouldNotBeEmpty();
        ExpectedSpan Consumer(string service, string queue) => new($"{service}'s {queue} consumer", span => span.Service == service
            && span.Name.Contains(queue, StringComparison.Ordinal));
        const string sender = "POST /program287g.agency.v1.AgencyService/FindAgenciesByEmail";
        var spans = await DashboardTelemetry.WaitForSpansAsync(system.Dashboard, $"traceId={record.TraceId}", TimeSpan.FromSeconds(60),
            ExpectedSpan.Named(ResourceNames.NotificationService, "mailbox intake"), ExpectedSpan.Named(ResourceNames.AgencyService, sender),
            Consumer(ResourceNames.AgreementService, "application-received-by-mail"),
            Consumer(ResourceNames.NotificationService, "application-submitted"),
            ExpectedSpan.Named(ResourceNames.NotificationService, "notification send"));
        // One trace, the intake's: every one of these was read from the dashboard by the record's trace id.
        spans.ShouldContain(span => span.Service == ResourceNames.NotificationService && span.Name == "mailbox intake");
        spans.ShouldContain(span => span.Service == ResourceNames.AgreementService && span.Name.Contains("application-received-by-mail"));
        spans.ShouldContain(span => span.Service == ResourceNames.NotificationService && span.Name == "notification send");
    }

    private static async Task<List<(string Id, string Subject)>> MessagesToAsync(HttpClient smtp, string recipient)
    {
        var listing = await smtp.GetFromJsonAsync<JsonElement>($"api/messages?searchTerms={Uri.EscapeDataString(recipient)}&pageSize=50");
        return [.. listing.GetProperty("results").EnumerateArray()
            .Where(m => m.GetProperty("deliveredTo").GetString() == recipient)
            .Select(m => (m.GetProperty("id").GetString()!, m.GetProperty("subject").GetString() ?? ""))];
    }
}

[Collection(AppHostCollection.Name)]
public sealed class MailboxAcrossTheSystemTests(AppHostFixture system) : MailboxAcrossTheSystem(system);

[Collection(TwoInstancesCollection.Name)]
public sealed class MailboxAcrossTwoInstancesTests(TwoInstancesFixture system) : MailboxAcrossTheSystem(system);
