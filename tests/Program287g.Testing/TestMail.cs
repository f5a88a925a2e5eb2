using MimeKit;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Program287g.Testing;

/// <summary>Emails as agencies and the public send them to the program mailbox, with real PDFs (text a PDF reader finds,
/// as in a signed Letter of Interest or MOA), each message with a Message-ID of its own.</summary>
public static class TestMail
{
    /// <summary>A PDF whose first page carries the lines; <paramref name="paddingBytes"/> of incompressible filler in a
    /// second page's stream make it as large as a scanned signature page.</summary>
    public static byte[] Pdf(IReadOnlyList<string> lines, int paddingBytes = 0)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.Letter);
        var y = 740.0;
        foreach (var line in lines)
        {
            page.AddText(line, 12, new PdfPoint(50, y), font);
            y -= 18;
        }
        if (paddingBytes > 0)
        {
            // Random digits as text: every byte differs, so no compression shrinks it and the hash is the file's own.
            var filler = builder.AddPage(PageSize.Letter);
            var random = new Random(paddingBytes);
            for (var written = 0; written < paddingBytes; written += 100)
            {
                filler.AddText(string.Concat(Enumerable.Range(0, 100).Select(_ => (char)('0' + random.Next(10)))), 2,
                    new PdfPoint(5, 5 + written / 100 % 780), font);
            }
        }
        return builder.Build();
    }

    public static byte[] LetterOfInterest(string agencyName) => Pdf(
        ["LETTER OF INTEREST", $"{agencyName}", "requests to enter into a Memorandum of Agreement with U.S. Immigration and",
         "Customs Enforcement under section 287(g) of the Immigration and Nationality Act.", "Signed: Sheriff Pat Example"]);

    /// <summary>An MOA that names its model by its full name (null: none).</summary>
    public static byte[] Moa(string agencyName, string? modelName, int paddingBytes = 0) => Pdf(
        ["MEMORANDUM OF AGREEMENT", $"between U.S. Immigration and Customs Enforcement and {agencyName}",
         modelName is null ? "Delegation of immigration officer functions." : $"{modelName} delegation of immigration officer functions.",
         "Signed: Sheriff Pat Example"], paddingBytes);

    public static MimeMessage Message(string fromAddress, string subject, string text, string fromName = "Pat Example",
        params (string FileName, byte[] Data)[] attachments)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(fromName, fromAddress));
        message.To.Add(new MailboxAddress("ICE 287(g) Program", "287g@program287g.example"));
        message.Subject = subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("sender.example");
        message.Date = DateTimeOffset.UtcNow;
        var body = new BodyBuilder { TextBody = text };
        foreach (var (fileName, data) in attachments)
        {
            body.Attachments.Add(fileName, data, new ContentType("application", "pdf"));
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>An agency's application as it is emailed: both signed documents attached.</summary>
    public static MimeMessage Application(string fromAddress, string agencyName, string? moaModelName = "Jail Enforcement Model",
        string subject = "287(g) application", int moaPaddingBytes = 0) =>
        Message(fromAddress, subject, $"Please find attached the signed Letter of Interest and MOA of the {agencyName}.", "Pat Example",
            ("Letter of Interest.pdf", LetterOfInterest(agencyName)), ("Signed MOA.pdf", Moa(agencyName, moaModelName, moaPaddingBytes)));
}
