using System.Text.RegularExpressions;

namespace Program287g.Agency.Domain;

/// <summary>Only law enforcement agencies may take part in 287(g). A name that plainly names something else (a
/// private company, a school district, a hospital, a church, a chamber of commerce) is refused, unless it also
/// carries a word only a law enforcement agency's name carries: "Independent School District Police Department"
/// and "University of Texas Police Department" are police departments.</summary>
public static partial class LawEnforcementRule
{
    /// <summary>Why the name may not be registered, or null when it may.</summary>
    public static string? Refusal(string name)
    {
        var words = new NameWords(name);
        var body = NonLawEnforcementBody(name, words);
        if (body is null || NamesLawEnforcement(words, privateCompany: body == PrivateCompany))
        {
            return null;
        }
        return $"only law enforcement agencies may take part in 287(g): '{name.Trim()}' names {body}.";
    }

    private const string PrivateCompany = "a private company";

    private static string? NonLawEnforcementBody(string name, NameWords words)
    {
        // "Co." only at the end, or after "&": within a name it is "County" ("Harris Co. Sheriff's Office").
        if (words.HasWord("INC", "LLC", "CORP", "CORPORATION", "COMPANY", "LTD", "LP", "LLP", "PLLC") || TrailingCo().IsMatch(name))
        {
            return PrivateCompany;
        }
        if (words.HasWord("ISD", "CISD", "USD", "SCHOOLS") || words.HasPhrase("SCHOOL DISTRICT", "SCHOOL BOARD", "SCHOOL SYSTEM", "BOARD OF EDUCATION"))
        {
            return "a school district";
        }
        if (words.HasWord("SCHOOL"))
        {
            return "a school";
        }
        if (words.Has("HOSPITAL", "MEDICAL CENTER", "HEALTH SYSTEM", "HEALTHCARE", "HEALTH CARE", "CLINIC"))
        {
            return "a hospital";
        }
        // Falls Church is a city in Virginia.
        if ((words.HasWord("CHURCH") && !words.HasPhrase("FALLS CHURCH")) || words.HasWord("CATHEDRAL", "DIOCESE", "MINISTRIES", "SYNAGOGUE", "MOSQUE"))
        {
            return "a church";
        }
        return words.HasPhrase("CHAMBER OF COMMERCE") ? "a chamber of commerce" : null;
    }

    // Private prison operators call themselves corrections companies ("Corrections Corporation of America",
    // "LaSalle Corrections, LLC"), so "Corrections" does not make a company a law enforcement agency.
    private static bool NamesLawEnforcement(NameWords words, bool privateCompany) =>
        words.Has("POLICE", "SHERIFF", "CONSTAB", "PATROL", "LAW ENFORCEMENT", "PUBLIC SAFETY")
        || words.HasWord("MARSHAL", "MARSHALS")
        || (!privateCompany && words.Has("CORRECTION"));

    [GeneratedRegex(@"(^|[\s,])co\.\s*$|&\s*co\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingCo();
}
