using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;
using Program287g.Notification.Domain;

namespace Program287g.Notification.Templates;

/// <summary>What every email's templates read: whom it is to, the reference it quotes, when what it answers was
/// received and when the promise falls due (written in the program's zone), and the kind's own details.</summary>
public sealed record Letter(string? RecipientName, string ReferenceNumber, string ReceivedAt, string DueAt, object Details);

/// <summary>An email's subject and its two bodies, plain text and HTML, as the templates wrote them.</summary>
public sealed record RenderedLetter(string Subject, string Text, string Html);

/// <summary>The email templates: Liquid files embedded in this assembly (Templates/{kind}.subject|text|html.liquid,
/// wrapped in _layout.text|html.liquid), parsed once at start-up so a broken template stops the service instead of a
/// send. Values are HTML-encoded in the HTML body and left as they are in the text body and the subject.</summary>
public sealed class Letters
{
    private const string Folder = "Templates/";
    private readonly TemplateOptions _options = Options();
    private readonly Dictionary<string, IFluidTemplate> _templates = Load();

    public RenderedLetter Render(NotificationKind kind, Letter letter)
    {
        var subject = SingleLine(Render($"{kind.Key()}.subject", letter, NullEncoder.Default));
        var text = Render($"{kind.Key()}.text", letter, NullEncoder.Default);
        var html = Render($"{kind.Key()}.html", letter, HtmlEncoder.Default);
        return new RenderedLetter(subject,
            Render("_layout.text", letter, NullEncoder.Default, ("content", text), ("subject", subject)),
            Render("_layout.html", letter, HtmlEncoder.Default, ("content", html), ("subject", subject)));
    }

    private string Render(string name, Letter letter, TextEncoder encoder, params (string Name, string Value)[] values)
    {
        var context = new TemplateContext(letter, _options);
        foreach (var (key, value) in values)
        {
            context.SetValue(key, value);
        }
        return _templates[name].Render(context, encoder);
    }

    /// <summary>A subject is one header line: a value with a line break in it must not start another header.</summary>
    private static string SingleLine(string text) => Program287g.Domain.SpacedText.Collapse(text);

    private static TemplateOptions Options()
    {
        var options = new TemplateOptions();
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        options.MemberAccessStrategy.Register<Letter>();
        foreach (var kind in NotificationKinds.All)
        {
            options.MemberAccessStrategy.Register(LetterDetails.TypeOf(kind));
        }
        // Paragraphs of free text (an inquiry, an answer) for the HTML body: each line its own <p>, each encoded.
        options.Filters.AddFilter("paragraphs", (input, _, _) => new ArrayValue(input.ToStringValue()
            .Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Trim().Length > 0)
            .Select(line => (FluidValue)new StringValue(line)).ToArray()));
        return options;
    }

    private static Dictionary<string, IFluidTemplate> Load()
    {
        var parser = new FluidParser();
        var assembly = typeof(Letters).Assembly;
        var templates = new Dictionary<string, IFluidTemplate>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Folder, StringComparison.Ordinal)
            && n.EndsWith(".liquid", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var name = resource[Folder.Length..^".liquid".Length];
            templates[name] = parser.TryParse(reader.ReadToEnd(), out var template, out var error)
                ? template
                : throw new InvalidOperationException($"Template {name} does not parse: {error}");
        }
        var missing = NotificationKinds.All.SelectMany(kind => new[] { "subject", "text", "html" }.Select(part => $"{kind.Key()}.{part}"))
            .Concat(["_layout.text", "_layout.html"]).Where(name => !templates.ContainsKey(name)).ToList();
        return missing.Count == 0
            ? templates
            : throw new InvalidOperationException($"Templates missing: {string.Join(", ", missing)}.");
    }
}
