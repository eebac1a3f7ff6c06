using PreferenceCenter.Features.Privacy.Editor;

namespace PreferenceCenter.Tests.Features.Privacy.Editor;

public sealed class TextDiffTests
{
    [Fact]
    public void Between_MarksRemovedAndAddedWords_AndKeepsTheRest()
    {
        var segments = TextDiff.Between("We send offers for 24 months.", "We send news for 12 months.");

        Assert.Equal(
            [new(DiffKind.Same, "We send "), new(DiffKind.Removed, "offers "), new(DiffKind.Added, "news "), new(DiffKind.Same, "for "),
             new(DiffKind.Removed, "24 "), new(DiffKind.Added, "12 "), new DiffSegment(DiffKind.Same, "months.")],
            segments);
    }

    [Theory]
    [InlineData("", "New text.")]
    [InlineData("Old text.", "")]
    [InlineData("Same.", "Same.")]
    [InlineData("Line one.\n\nLine two.", "Line one.\n\nLine 2.")]
    public void Between_JoinedBack_GivesBothTexts(string published, string draft)
    {
        var segments = TextDiff.Between(published, draft);

        Assert.Equal(published, string.Concat(segments.Where(s => s.Kind != DiffKind.Added).Select(s => s.Text)));
        Assert.Equal(draft, string.Concat(segments.Where(s => s.Kind != DiffKind.Removed).Select(s => s.Text)));
    }
}
