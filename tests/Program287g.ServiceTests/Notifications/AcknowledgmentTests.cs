using Program287g.Notification.V1;
using Program287g.Testing;
using Google.Protobuf.WellKnownTypes;

namespace Program287g.ServiceTests.Notifications;

/// <summary>Events in, emails out, through the real bus and the real SMTP server: one acknowledgment or notice per
/// event, to the agency's point of contact, quoting the reference, due one business day after receipt.</summary>
[Collection(ServersCollection.Name)]
public sealed class AcknowledgmentTests(TestInfrastructure servers)
{
    [Fact]
    public async Task An_application_submitted_is_acknowledged_by_one_email_to_the_point_of_contact_quoting_the_reference()
    {
        // Tuesday 10 March 2026, 10:00 Eastern.
        await using var system = await NotificationSystem.StartAsync(servers, new() { Clock = Eastern.Clock(2026, 3, 10, 10) });
        var submitted = TestEvents.ApplicationSubmitted(Eastern.At(2026, 3, 10, 10));

        await system.PublishAsync(submitted);

        var mail = (await system.MailAsync(submitted.ReferenceNumber)).ShouldHaveSingleItem();
        mail.To.ShouldBe([submitted.ContactEmail!]);
        mail.Subject.ShouldBe($"287(g) application received: Harris County Sheriff's Office, Warrant Service Officer ({submitted.ReferenceNumber})");
        mail.PlainText.ShouldContain("Dear Jo Contact,");
        mail.PlainText.ShouldContain("received Harris County Sheriff's Office's application for the Warrant Service Officer on "
            + "Tuesday, March 10, 2026 at 10:00 AM Eastern Daylight Time");
        mail.PlainText.ShouldContain($"Reference number: {submitted.ReferenceNumber}");
        mail.PlainText.ShouldContain("What happens next:");
        mail.Html.ShouldContain("<strong>Harris County Sheriff&#x27;s Office</strong>");
        mail.Raw.ShouldContain("multipart/alternative");
        var notification = await system.NotificationAsync(n => n.ReferenceNumber == submitted.ReferenceNumber,
            n => n.Status == NotificationStatus.Sent);
        notification.Kind.ShouldBe(NotificationKind.ApplicationAcknowledgment);
        notification.Recipient.ShouldBe(submitted.ContactEmail);
        notification.SourceId.ShouldBe(submitted.MessageId.ToString());
        mail.Header("Message-ID").ShouldBe(notification.MessageId);
        notification.ReceivedAt.ShouldBe(Timestamp.FromDateTimeOffset(submitted.SubmittedAt));
        notification.DueAt.ShouldBe(Eastern.Stamp(2026, 3, 11, 10));
        notification.SentAt.ShouldBe(Eastern.Stamp(2026, 3, 10, 10));
        notification.Timeliness.ShouldBe(Timeliness.OnTime);
        notification.Attempts.ShouldBe(1);
        notification.LastError.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_same_event_delivered_twice_sends_one_email_and_records_one_notification()
    {
        await using var system = await NotificationSystem.StartAsync(servers);
        var submitted = TestEvents.ApplicationSubmitted(DateTimeOffset.UtcNow);

        await system.PublishAsync(submitted);
        await system.PublishAsync(submitted);

        await system.ConsumedAsync(submitted.MessageId, deliveries: 2);
        await system.NotificationAsync(n => n.ReferenceNumber == submitted.ReferenceNumber, n => n.Status == NotificationStatus.Sent);
        (await system.MailAsync(submitted.ReferenceNumber)).Count.ShouldBe(1);
        (await system.QueryAsync<long>("SELECT count(*) FROM notifications WHERE reference_number = @reference",
            new { reference = submitted.ReferenceNumber })).ShouldBe(1);
    }

    [Fact]
    public async Task An_event_delivered_again_after_the_inbox_forgot_it_still_sends_no_second_email()
    {
        await using var system = await NotificationSystem.StartAsync(servers);
        var submitted = TestEvents.ApplicationSubmitted(DateTimeOffset.UtcNow);
        await system.PublishAsync(submitted);
        await system.NotificationAsync(n => n.ReferenceNumber == submitted.ReferenceNumber, n => n.Status == NotificationStatus.Sent);

        // The inbox is pruned after a week: the notification's own key on the event's message id still holds.
        (await system.QueryAsync<long>("WITH d AS (DELETE FROM inbox_messages WHERE message_id = @id RETURNING 1) SELECT count(*) FROM d",
            new { id = submitted.MessageId })).ShouldBe(1);
        await system.PublishAsync(submitted);

        await system.ConsumedAsync(submitted.MessageId, deliveries: 2);
        (await system.MailAsync(submitted.ReferenceNumber)).Count.ShouldBe(1);
        (await system.QueryAsync<long>("SELECT count(*) FROM notifications WHERE source_id = @id", new { id = submitted.MessageId })).ShouldBe(1);
    }

    [Fact]
    public async Task A_nomination_is_acknowledged_as_owed_from_when_it_was_received_however_late_the_event_arrives()
    {
        // The Nominee service recorded the nomination late on Friday 22 May 2026, before Memorial Day; the event reaches
        // this service only on Wednesday 27 May.
        await using var system = await NotificationSystem.StartAsync(servers, new() { Clock = Eastern.Clock(2026, 5, 27, 9) });
        var nominated = TestEvents.OfficerNominated(Eastern.At(2026, 5, 22, 16, 55));

        await system.PublishAsync(nominated);

        var mail = (await system.MailAsync(nominated.Nominee.ReferenceNumber)).ShouldHaveSingleItem();
        mail.To.ShouldBe([nominated.Nominee.ContactEmail!]);
        mail.PlainText.ShouldContain("nomination of Jordan Q. Rivera on Friday, May 22, 2026 at 4:55 PM Eastern Daylight Time");
        mail.PlainText.ShouldContain($"under agreement {nominated.Nominee.AgreementReference} (Task Force Model)");
        var notification = await system.NotificationAsync(n => n.ReferenceNumber == nominated.Nominee.ReferenceNumber,
            n => n.Status == NotificationStatus.Sent);
        notification.Kind.ShouldBe(NotificationKind.NominationAcknowledgment);
        notification.DueAt.ShouldBe(Eastern.Stamp(2026, 5, 26, 16, 55), "due Tuesday: Monday is Memorial Day");
        notification.SentAt.ShouldBe(Eastern.Stamp(2026, 5, 27, 9));
        notification.Timeliness.ShouldBe(Timeliness.Late);
    }

    [Fact]
    public async Task Agreement_signed_and_authorization_issued_send_their_notices()
    {
        await using var system = await NotificationSystem.StartAsync(servers, new() { Clock = Eastern.Clock(2026, 4, 14, 11) });
        var signed = TestEvents.AgreementSigned(Eastern.At(2026, 4, 14, 11));
        var issued = TestEvents.AuthorizationIssued(Eastern.At(2026, 4, 14, 11));

        await system.PublishAsync(signed);
        await system.PublishAsync(issued);

        var signedMail = (await system.MailAsync(signed.ReferenceNumber)).ShouldHaveSingleItem();
        signedMail.To.ShouldBe([signed.ContactEmail!]);
        signedMail.Subject.ShouldStartWith("287(g) agreement signed: Polk County Sheriff's Office, Jail Enforcement Model");
        signedMail.PlainText.ShouldContain("The agreement is in force from April 14, 2026.");
        signedMail.PlainText.ShouldContain("signed for ICE by Ana Official, Field Office Director");
        var issuedMail = (await system.MailAsync(issued.Nominee.ReferenceNumber)).ShouldHaveSingleItem();
        issuedMail.To.ShouldBe([issued.Nominee.ContactEmail!]);
        issuedMail.PlainText.ShouldContain($"authorization {issued.AuthorizationNumber} (ICE Form 70-006), issued on April 14, 2026 by ERO Atlanta");
        issuedMail.PlainText.ShouldContain("in force until April 14, 2028 unless renewed");
        (await system.NotificationAsync(n => n.ReferenceNumber == signed.ReferenceNumber)).Kind.ShouldBe(NotificationKind.AgreementSignedNotice);
        (await system.NotificationAsync(n => n.ReferenceNumber == issued.Nominee.ReferenceNumber)).Kind.ShouldBe(NotificationKind.AuthorizationIssuedNotice);
    }

    [Fact]
    public async Task An_application_from_ices_lists_is_recorded_as_needing_no_acknowledgment_and_nothing_is_sent()
    {
        await using var system = await NotificationSystem.StartAsync(servers);
        var imported = TestEvents.ApplicationSubmitted(DateTimeOffset.UtcNow, source: "ice-list-import");
        var sentAlongside = TestEvents.ApplicationSubmitted(DateTimeOffset.UtcNow);

        await system.PublishAsync(imported);
        await system.PublishAsync(sentAlongside);

        await system.ConsumedAsync(imported.MessageId);
        await system.MailAsync(sentAlongside.ReferenceNumber);
        var notification = await system.NotificationAsync(n => n.ReferenceNumber == imported.ReferenceNumber);
        notification.Status.ShouldBe(NotificationStatus.NotRequired);
        notification.StatusReason.ShouldContain("ICE's published lists");
        notification.DueAt.ShouldBeNull();
        notification.Timeliness.ShouldBe(Timeliness.NotOwed);
        (await system.Smtp.MessagesAsync(imported.ReferenceNumber)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_event_without_a_point_of_contact_is_recorded_undeliverable_and_shows_as_overdue_once_due()
    {
        var clock = Eastern.Clock(2026, 3, 10, 10);
        await using var system = await NotificationSystem.StartAsync(servers, new() { Clock = clock });
        var submitted = TestEvents.ApplicationSubmitted(clock.GetUtcNow(), contactEmail: null);
        var badAddress = TestEvents.ApplicationSubmitted(clock.GetUtcNow(), contactEmail: "not an address");

        await system.PublishAsync(submitted);
        await system.PublishAsync(badAddress);

        var notification = await system.NotificationAsync(n => n.ReferenceNumber == submitted.ReferenceNumber);
        notification.Status.ShouldBe(NotificationStatus.Undeliverable);
        notification.StatusReason.ShouldBe("The agency has no point of contact on record.");
        notification.Recipient.ShouldBeEmpty();
        notification.Timeliness.ShouldBe(Timeliness.Pending);
        (await system.NotificationAsync(n => n.ReferenceNumber == badAddress.ReferenceNumber)).StatusReason
            .ShouldBe("The recipient on record is not an email address.");
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var overdue = await system.Client().ListNotificationsAsync(new ListNotificationsRequest
        {
            Status = NotificationStatus.Undeliverable, Timeliness = Timeliness.Overdue,
        });
        overdue.Notifications.Select(n => n.ReferenceNumber).ShouldBe([submitted.ReferenceNumber, badAddress.ReferenceNumber], ignoreOrder: true);
        var report = await system.Client().GetSlaReportAsync(new GetSlaReportRequest
        {
            FirstDay = new Google.Type.Date { Year = 2026, Month = 3, Day = 11 }, LastDay = new Google.Type.Date { Year = 2026, Month = 3, Day = 11 },
        });
        var line = report.Notifications.Single(l => l.Kind == NotificationKind.ApplicationAcknowledgment).Counts;
        line.Due.ShouldBe(2);
        line.Overdue.ShouldBe(2);
        line.Undeliverable.ShouldBe(2);
        line.OnTime.ShouldBe(0);
    }
}
