using Program287g.Notification.V1;

namespace Program287g.Console.Components.Pages.Inquiries;

/// <summary>The inquiry list's filters as ListInquiries takes them.</summary>
public static class InquiryFilters
{
    public const string Open = "open";
    public const string Overdue = "overdue";
    public const string Answered = "answered";
    public const string All = "all";

    public static readonly IReadOnlyList<(string Key, string Label)> Choices =
        [(Open, "Open"), (Overdue, "Overdue only"), (Answered, "Answered"), (All, "All")];

    public static string Parse(string? key) => Choices.Any(choice => choice.Key == key) ? key! : Open;

    public static ListInquiriesRequest Request(string filter) => filter switch
    {
        Overdue => new ListInquiriesRequest { Status = InquiryStatus.Open, OverdueOnly = true },
        Answered => new ListInquiriesRequest { Status = InquiryStatus.Answered },
        All => new ListInquiriesRequest(),
        _ => new ListInquiriesRequest { Status = InquiryStatus.Open },
    };
}
