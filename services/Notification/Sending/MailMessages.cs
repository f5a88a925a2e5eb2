using System.Text.Json;
using MimeKit;
using Program287g.Notification.Domain;
using Program287g.Notification.Templates;

namespace Program287g.Notification.Sending;

/// <summary>A notification as the email it is: rendered from its templates, multipart/alternative (plain text and
/// HTML), with the Message-ID and Date fixed when it was recorded, so a resend is the same email.</summary>
public sealed class MailMessages(Letters letters, MailboxAddress from)
{
    public MimeMessage Build(NotificationRecord notification, TimeZoneInfo zone)
    {
        var rendered = letters.Render(notification.CurrentKind, LetterOf(notification, zone));
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(new MailboxAddress(notification.RecipientName ?? "", notification.RecipientEmail!));
        message.Subject = rendered.Subject;
        message.MessageId = notification.MessageId;
        message.Date = new DateTimeOffset(DateTime.SpecifyKind(notification.CreatedAt, DateTimeKind.Utc));
        message.Body = new BodyBuilder { TextBody = rendered.Text, HtmlBody = rendered.Html }.ToMessageBody();
        if (notification.InReplyTo is { } answered)
        {
            // The reply to the email it acknowledges, so that it threads with it in the sender's mail program.
            message.InReplyTo = answered;
            message.References.Add(answered);
        }
        // RFC 3834: mail a machine wrote. Auto-responders do not answer it, so an acknowledgment cannot start a loop with
        // another one; a person's answer to an inquiry is a person's mail and carries no such mark.
        if (AutoSubmitted(notification.CurrentKind) is { } automatic)
        {
            message.Headers.Add("Auto-Submitted", automatic);
        }
        return message;
    }

    /// <summary>"auto-replied" for acknowledgments (they answer what came in), "auto-generated" for notices.</summary>
    public static string? AutoSubmitted(NotificationKind kind) => kind switch
    {
        NotificationKind.InquiryAnswer => null,
        NotificationKind.ApplicationAcknowledgment or NotificationKind.NominationAcknowledgment
            or NotificationKind.InquiryAcknowledgment => "auto-replied",
        _ => "auto-generated",
    };

    public static Letter LetterOf(NotificationRecord notification, TimeZoneInfo zone)
    {
        var details = JsonSerializer.Deserialize(notification.Details, LetterDetails.TypeOf(notification.CurrentKind))!;
        return new Letter(notification.RecipientName, notification.ReferenceNumber,
            ClockFace.Moment(Utc(notification.ReceivedAt), zone),
            notification.DueAt is { } due ? ClockFace.Moment(Utc(due), zone) : "", details);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
