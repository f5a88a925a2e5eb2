using System.Text.Json;
using Program287g.Notification.Domain;

namespace Program287g.Notification.Sending;

/// <summary>Asks smtp4dev's REST API whether it holds a message with the notification's Message-ID: it searches by the
/// reference number (every subject carries it) and reads each match's headers. The server keeps a bounded number of
/// messages (--messagestokeep), so a check long after the attempt could miss one it has since dropped; attempts in
/// doubt are settled within minutes, well inside that window in any real setting.</summary>
public sealed class Smtp4devDeliveryCheck(HttpClient http) : IDeliveryCheck
{
    private const int PageSize = 50;

    public bool IsConfigured => true;

    public async Task<DeliveryAnswer> CheckAsync(NotificationRecord notification, CancellationToken cancellationToken)
    {
        try
        {
            for (var page = 1; ; page++)
            {
                var listing = await http.GetFromJsonAsync<JsonElement>(
                    $"api/messages?searchTerms={Uri.EscapeDataString(notification.ReferenceNumber)}&page={page}&pageSize={PageSize}",
                    cancellationToken);
                foreach (var summary in listing.GetProperty("results").EnumerateArray())
                {
                    if (await HasMessageIdAsync(summary.GetProperty("id").GetString()!, notification.MessageId, cancellationToken))
                    {
                        return new DeliveryAnswer(DeliveryVerdict.Delivered, "the mail server holds a message with this Message-ID");
                    }
                }
                if (page >= listing.GetProperty("pageCount").GetInt32())
                {
                    return new DeliveryAnswer(DeliveryVerdict.NotDelivered, "the mail server holds no message with this Message-ID");
                }
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or KeyNotFoundException
            or InvalidOperationException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new DeliveryAnswer(DeliveryVerdict.Unknown, SmtpFailures.Scrub($"the delivery check failed: {exception.GetType().Name}: {exception.Message}"));
        }
    }

    private async Task<bool> HasMessageIdAsync(string id, string messageId, CancellationToken cancellationToken)
    {
        var message = await http.GetFromJsonAsync<JsonElement>($"api/messages/{Uri.EscapeDataString(id)}", cancellationToken);
        return message.GetProperty("headers").EnumerateArray().Any(header =>
            string.Equals(header.GetProperty("name").GetString(), "Message-ID", StringComparison.OrdinalIgnoreCase)
            && header.GetProperty("value").GetString()?.Trim().Trim('<', '>') == messageId);
    }
}
