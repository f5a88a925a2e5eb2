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
        return message;
    }

    public static Letter LetterOf(NotificationRecord notification, TimeZoneInfo zone)
    {
        var details = JsonSerializer.Deserialize(notification.Details, LetterDetails.TypeOf(notification.CurrentKind))!;
        return new Letter(notification.RecipientName, notification.ReferenceNumber,
            ClockFace.Moment(Utc(notification.ReceivedAt), zone),
            notification.DueAt is { } due ? ClockFace.Moment(Utc(due), zone) : "", details);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
