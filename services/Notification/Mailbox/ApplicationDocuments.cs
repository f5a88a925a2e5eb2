using System.Text.RegularExpressions;
using Program287g.Domain;

namespace Program287g.Notification.Mailbox;

/// <summary>What an email's PDFs are: an application is a signed Letter of Interest and a signed MOA. Each is told by its
/// words (its title on the first pages) or, failing that, its file name; the model is the one the MOA names, else the
/// one the email states.</summary>
public static partial class ApplicationDocuments
{
    /// <summary>The documents found, the model, and what is missing when it is not an application (null when it is one).</summary>
    public sealed record Found(MailAttachment? LetterOfInterest, MailAttachment? Moa, ProgramModel? Model, string? Missing)
    {
        public bool IsApplication => Missing is null;
        /// <summary>Both documents are there, whatever else is missing: it looks like an application.</summary>
        public bool HasBothDocuments => LetterOfInterest is not null && Moa is not null;
    }

    public static Found Find(IReadOnlyList<MailAttachment> attachments, string subject, string text)
    {
        var pdfs = attachments.Where(attachment => attachment.IsPdf).Select(pdf => (Pdf: pdf, Words: PdfText.FirstPages(pdf.Data))).ToList();
        var letter = pdfs.FirstOrDefault(p => TitleOf(p.Words) == Title.Letter).Pdf
            ?? pdfs.FirstOrDefault(p => TitleOf(p.Words) == Title.None && LetterName().IsMatch(p.Pdf.FileName)).Pdf;
        var moa = pdfs.FirstOrDefault(p => p.Pdf != letter && TitleOf(p.Words) == Title.Moa).Pdf
            ?? pdfs.FirstOrDefault(p => p.Pdf != letter && TitleOf(p.Words) == Title.None && MoaName().IsMatch(p.Pdf.FileName)).Pdf;
        if (letter is null || moa is null)
        {
            var missing = (letter, moa) switch
            {
                (null, null) => "no signed Letter of Interest and no signed MOA (PDF) attached",
                (null, _) => "no signed Letter of Interest (PDF) attached",
                _ => "no signed MOA (PDF) attached",
            };
            return new Found(letter, moa, null, missing);
        }
        var moaWords = pdfs.First(p => p.Pdf == moa).Words;
        var model = ModelOf(moaWords) ?? ModelOf(subject + " " + text);
        return new Found(letter, moa, model, model is null
            ? "the MOA names no single model (Jail Enforcement, Warrant Service Officer or Task Force), and the email states none"
            : null);
    }

    /// <summary>The one model the text names, by its full name or its code; null for none, or for more than one.</summary>
    public static ProgramModel? ModelOf(string text)
    {
        var named = new HashSet<ProgramModel>();
        if (Jem().IsMatch(text)) named.Add(ProgramModel.JailEnforcement);
        if (Wso().IsMatch(text)) named.Add(ProgramModel.WarrantServiceOfficer);
        if (Tfm().IsMatch(text)) named.Add(ProgramModel.TaskForce);
        return named.Count == 1 ? named.Single() : null;
    }

    private enum Title { None, Letter, Moa }

    /// <summary>Which of the two the document is: the one it names first, its title (a Letter of Interest asks for a
    /// Memorandum of Agreement further on; an MOA may recall the Letter of Interest that preceded it).</summary>
    private static Title TitleOf(string words)
    {
        var letter = LetterWords().Match(words);
        var moa = MoaWords().Match(words);
        return (letter.Success, moa.Success) switch
        {
            (false, false) => Title.None,
            (true, false) => Title.Letter,
            (false, true) => Title.Moa,
            _ => letter.Index < moa.Index ? Title.Letter : Title.Moa,
        };
    }

    [GeneratedRegex(@"letter\s+of\s+interest", RegexOptions.IgnoreCase)]
    private static partial Regex LetterWords();

    [GeneratedRegex(@"memorandum\s+of\s+agreement", RegexOptions.IgnoreCase)]
    private static partial Regex MoaWords();

    [GeneratedRegex(@"(letter[\s_-]*of[\s_-]*interest|(^|[\s_-])loi([\s_.-]|$))", RegexOptions.IgnoreCase)]
    private static partial Regex LetterName();

    [GeneratedRegex(@"(memorandum|(^|[\s_-])moa([\s_.-]|$))", RegexOptions.IgnoreCase)]
    private static partial Regex MoaName();

    [GeneratedRegex(@"jail\s+enforcement|\bJEM\b", RegexOptions.IgnoreCase)]
    private static partial Regex Jem();

    [GeneratedRegex(@"warrant\s+service\s+officer|\bWSO\b", RegexOptions.IgnoreCase)]
    private static partial Regex Wso();

    [GeneratedRegex(@"task\s+force|\bTFM\b", RegexOptions.IgnoreCase)]
    private static partial Regex Tfm();
}
