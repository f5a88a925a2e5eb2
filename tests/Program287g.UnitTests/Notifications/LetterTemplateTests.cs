extern alias NotificationService;

using MimeKit;
using NotificationService::Program287g.Notification.Domain;
using NotificationService::Program287g.Notification.Sending;
using NotificationService::Program287g.Notification.Templates;

namespace Program287g.UnitTests.Notifications;

/// <summary>The email templates, rendered: every kind has its subject, text and HTML; values are HTML-encoded in the
/// HTML body only; a subject stays one line; the email is multipart/alternative with the Message-ID it was recorded with.</summary>
public sealed class LetterTemplateTests
{
    private static readonly Letters Templates = new();

    private static readonly Dictionary<NotificationKind, object> Samples = new()
    {
        [NotificationKind.ApplicationAcknowledgment] = new ApplicationReceived("O'Brien & Sons <County> Sheriff's Office", "TX",
            "Jail Enforcement Model", "Sheriff A", "Sheriff B"),
        [NotificationKind.NominationAcknowledgment] = new NominationReceived("Cobb County Sheriff's Office", "Jordan <b>Rivera</b>",
            "Task Force Model", "287G-2026-000007", "Sheriff Pat Example"),
        [NotificationKind.InquiryAcknowledgment] = new InquiryReceived("Fees & <costs>", null),
        [NotificationKind.InquiryAnswer] = new InquiryAnswered("Fees & <costs>", "Line one\nLine <two>", "There are no fees.\n\nICE pays & trains.",
            "March 12, 2026"),
        [NotificationKind.AgreementSignedNotice] = new AgreementSigned("Polk County Sheriff's Office", "Warrant Service Officer",
            "April 14, 2026", "Ana Official", "Field Office Director"),
        [NotificationKind.AuthorizationIssuedNotice] = new AuthorizationIssued("Cobb County Sheriff's Office", "Jordan Rivera",
            "Task Force Model", "DIO-2026-000123", "April 14, 2026", "ERO Atlanta", "April 14, 2028", null),
    };

    private static Letter LetterOf(NotificationKind kind) =>
        new("Jo Contact", "287G-2026-000042", "Tuesday, March 10, 2026 at 10:00 AM Eastern Daylight Time",
            "Wednesday, March 11, 2026 at 10:00 AM Eastern Daylight Time", Samples[kind]);

    public static TheoryData<NotificationKind> Kinds() => [.. NotificationKinds.All];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_renders_a_subject_a_text_and_an_html_body_that_quote_the_reference_and_say_what_happens_next(NotificationKind kind)
    {
        var letter = Templates.Render(kind, LetterOf(kind));

        letter.Subject.ShouldContain("(287G-2026-000042)");
        letter.Subject.ShouldNotContain("\n");
        letter.Text.ShouldStartWith("Dear Jo Contact,");
        letter.Text.ShouldContain("Reference number: 287G-2026-000042");
        letter.Text.ShouldContain("What happens next");
        letter.Text.ShouldNotContain("<p>");
        letter.Text.ShouldNotContain("&amp;");
        letter.Html.ShouldContain("<p>Dear Jo Contact,</p>");
        letter.Html.ShouldContain("Reference number: 287G-2026-000042");
        letter.Html.ShouldContain("What happens next");
        letter.Html.ShouldNotContain("{{");
        letter.Text.ShouldNotContain("{{");
    }

    [Fact]
    public void Values_are_html_encoded_in_the_html_body_and_left_as_they_are_in_the_text_and_the_subject()
    {
        var letter = Templates.Render(NotificationKind.ApplicationAcknowledgment, LetterOf(NotificationKind.ApplicationAcknowledgment));

        letter.Subject.ShouldStartWith("287(g) application received: O'Brien & Sons <County> Sheriff's Office, Jail Enforcement Model");
        letter.Text.ShouldContain("received O'Brien & Sons <County> Sheriff's Office's application");
        letter.Html.ShouldContain("<strong>O&#x27;Brien &amp; Sons &lt;County&gt; Sheriff&#x27;s Office</strong>");
        letter.Html.ShouldNotContain("<County>");
    }

    [Fact]
    public void Free_text_becomes_one_encoded_paragraph_per_line_in_the_html_body()
    {
        var letter = Templates.Render(NotificationKind.InquiryAnswer, LetterOf(NotificationKind.InquiryAnswer));

        letter.Html.ShouldContain("<p>There are no fees.</p>");
        letter.Html.ShouldContain("<p>ICE pays &amp; trains.</p>");
        letter.Html.ShouldContain("<p>Line &lt;two&gt;</p>");
        letter.Text.ShouldContain("There are no fees.\n\nICE pays & trains.");
    }

    [Fact]
    public void A_subject_value_with_line_breaks_cannot_start_another_header()
    {
        var letter = Templates.Render(NotificationKind.InquiryAcknowledgment, LetterOf(NotificationKind.InquiryAcknowledgment) with
        {
            Details = new InquiryReceived("Hello\r\nBcc: victim@example.com", null),
        });

        letter.Subject.ShouldBe("We received your inquiry: Hello Bcc: victim@example.com (287G-2026-000042)");
    }

    [Fact]
    public void A_letter_without_a_recipient_name_is_addressed_to_sir_or_madam()
    {
        Templates.Render(NotificationKind.AgreementSignedNotice, LetterOf(NotificationKind.AgreementSignedNotice) with { RecipientName = null })
            .Text.ShouldStartWith("Dear Sir or Madam,");
    }

    [Fact]
    public void The_email_is_multipart_alternative_with_the_recorded_message_id_and_date_and_the_recipient()
    {
        var messages = new MailMessages(Templates, MailboxAddress.Parse("ICE 287(g) Program <287g@program287g.example>"));
        var notification = new NotificationRecord
        {
            Id = Guid.NewGuid(), Kind = NotificationKind.InquiryAnswer.Key(), SourceId = Guid.NewGuid(), ReferenceNumber = "287G-Q-2026-000001",
            RecipientName = "Casey Resident", RecipientEmail = "casey@example.gov", Status = "pending",
            ReceivedAt = new DateTime(2026, 3, 12, 19, 0, 0, DateTimeKind.Utc), DueAt = new DateTime(2026, 3, 13, 19, 0, 0, DateTimeKind.Utc),
            Details = System.Text.Json.JsonSerializer.Serialize((InquiryAnswered)Samples[NotificationKind.InquiryAnswer]),
            MessageId = "0195abc@program287g.example", NextAttemptAt = DateTime.UtcNow, CreatedAt = new DateTime(2026, 3, 12, 19, 0, 1, DateTimeKind.Utc),
        };

        var message = messages.Build(notification, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

        message.MessageId.ShouldBe("0195abc@program287g.example");
        message.Date.ShouldBe(new DateTimeOffset(2026, 3, 12, 19, 0, 1, TimeSpan.Zero));
        message.To.Mailboxes.Single().Address.ShouldBe("casey@example.gov");
        message.Body!.ContentType.MimeType.ShouldBe("multipart/alternative");
        message.TextBody!.ShouldContain("Here is the answer to your inquiry \"Fees & <costs>\" of March 12, 2026:");
        message.HtmlBody!.ShouldContain("Fees &amp; &lt;costs&gt;");
    }
}
