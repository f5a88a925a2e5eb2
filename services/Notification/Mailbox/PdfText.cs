using UglyToad.PdfPig;

namespace Program287g.Notification.Mailbox;

/// <summary>The words of a PDF's first pages, where a Letter of Interest or an MOA says what it is and which model it
/// is for. A PDF that cannot be read (scanned without text, damaged, encrypted) gives no text, not an error: the
/// email then goes to a person.</summary>
public static class PdfText
{
    public const int PagesRead = 3;

    public static string FirstPages(byte[] pdf)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            return string.Join(' ', document.GetPages().Take(PagesRead).SelectMany(page => page.GetWords()).Select(word => word.Text));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return "";
        }
    }
}
