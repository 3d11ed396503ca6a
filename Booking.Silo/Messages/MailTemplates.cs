using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Booking.Grains.Messages;
using Fluid;

namespace Booking.Silo.Messages;

/// <summary>
/// The mail templates: one Liquid file per kind and language (<c>Templates/{kind}.{language}.liquid</c>, embedded), each
/// capturing a <c>subject</c>, a plain-text <c>text</c> and an <c>html</c> part. The HTML part is rendered with an HTML
/// encoder, so every value (names, subjects, notes people typed) is encoded; subject and text are rendered unencoded.
/// </summary>
public sealed class MailTemplates
{
    private static readonly FluidParser Parser = new();
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);

    /// <summary>Renders <paramref name="kind"/> in <paramref name="language"/> (French if that language has no template).</summary>
    public (string Subject, string Text, string Html) Render(string kind, string language, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var template = Template(kind, MessageLanguages.IsSupported(language) ? language : MessageLanguages.Default);
        var plain = RenderCaptures(template, values, NullEncoder.Default);
        var html = RenderCaptures(template, values, Html);
        var subject = string.Join(' ', Captured(plain, "subject").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return (subject, Captured(plain, "text").Trim() + "\n", Captured(html, "html").Trim() + "\n");
    }

    private IFluidTemplate Template(string kind, string language) => _templates.GetOrAdd($"{kind}.{language}", name =>
    {
        using var stream = typeof(MailTemplates).Assembly.GetManifestResourceStream($"Booking.Messages.Templates.{name}.liquid")
            ?? throw new InvalidOperationException($"No mail template '{name}'.");
        using var reader = new StreamReader(stream);
        return Parser.TryParse(reader.ReadToEnd(), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Mail template '{name}' does not parse: {error}");
    });

    private static TemplateContext RenderCaptures(IFluidTemplate template, IReadOnlyDictionary<string, string?> values, TextEncoder encoder)
    {
        var context = new TemplateContext();
        foreach (var (name, value) in values)
        {
            context.SetValue(name, value ?? string.Empty);
        }

        // The output is only the whitespace between the captures; the parts are read back from the context, which the
        // render must therefore not isolate (captures would vanish with the child scope).
        template.Render(context, encoder, isolateContext: false);
        return context;
    }

    private static string Captured(TemplateContext context, string name) => context.GetValue(name).ToStringValue();
}
