using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd.HostileInput;

/// <summary>Rules that keep two kinds of hostile input from reaching the framework's failure paths at all.</summary>
public sealed partial class InputBoundsTests
{
    /// <summary>
    /// Blazor converts a query value to the property's type and throws (a 500) when it cannot: "?saved=x" on an
    /// int. Read as text, the page parses it and ignores what does not parse.
    /// </summary>
    [Fact]
    public void Every_query_value_a_page_reads_is_text()
    {
        var typed = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Select(p => (t, p)))
            .Where(x => x.p.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is not null && x.p.PropertyType != typeof(string))
            .Select(x => $"{x.t.Name}.{x.p.Name} ({x.p.PropertyType.Name})");

        Assert.Empty(typed);
    }

    /// <summary>
    /// An interactive text box sends its text over the circuit, whose messages stop at 32 KB: past that the
    /// connection drops and the text is lost without a word. Each box stops the typing at its model's bound (which
    /// the service checks again, with a message), far below the circuit's limit.
    /// </summary>
    [Fact]
    public void Every_interactive_text_box_has_a_maximum_length()
    {
        var unbounded = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.App, "Features"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => TextBoxes().Matches(File.ReadAllText(file)).Select(m => (file, tag: m.Value)))
            .Where(x => !x.tag.Contains("MaxLength=", StringComparison.Ordinal) && !x.tag.Contains("maxlength=", StringComparison.Ordinal)
                && !x.tag.Contains("ReadOnly=\"true\"", StringComparison.Ordinal))
            .Select(x => $"{Path.GetFileName(x.file)}: {x.tag.Split('\n')[0].Trim()}");

        Assert.Empty(unbounded);
    }

    [GeneratedRegex("<(MudTextField|TextAreaField|InputText|InputTextArea)\\b.*?/>", RegexOptions.Singleline)]
    private static partial Regex TextBoxes();
}
