using PreferenceCenter.Features.Support;

namespace PreferenceCenter.Tests.Features.Support;

public sealed class SupportSearchRulesTests
{
    [Theory]
    [InlineData("mario.rossi@example.com", SupportIdentifierKind.Email, "mario.rossi@example.com")]
    [InlineData("  mario_rossi@example.com ", SupportIdentifierKind.Email, "mario_rossi@example.com")]
    [InlineData("+39 333 123 4512", SupportIdentifierKind.Phone, "+393331234512")]
    [InlineData("0039 (333) 123-4512", SupportIdentifierKind.Phone, "+393331234512")]
    [InlineData("3331234512", SupportIdentifierKind.Phone, "3331234512")]
    [InlineData("pc-7k3m9q", SupportIdentifierKind.Reference, "PC-7K3M9Q")]
    public void Parse_AFullIdentifier_GivesItsOneSpelling(string typed, SupportIdentifierKind kind, string value)
    {
        var (identifier, problem) = SupportSearchRules.Parse(typed);

        Assert.Null(problem);
        Assert.Equal(new SupportIdentifier(kind, value), identifier);
    }

    [Theory]
    [InlineData(null, SupportProblem.EmptySearch)]
    [InlineData("   ", SupportProblem.EmptySearch)]
    [InlineData("mario*", SupportProblem.Wildcard)]
    [InlineData("%@example.com", SupportProblem.Wildcard)]
    [InlineData("PC-7K3M9?", SupportProblem.Wildcard)]
    [InlineData("+39 333 1_", SupportProblem.Wildcard)]
    [InlineData("mario.rossi@", SupportProblem.PartialIdentifier)]
    [InlineData("@example.com", SupportProblem.PartialIdentifier)]
    [InlineData("mario@example", SupportProblem.PartialIdentifier)]
    [InlineData("PC-7K3", SupportProblem.PartialIdentifier)]
    [InlineData("PC-7K3M9Q1", SupportProblem.PartialIdentifier)]
    [InlineData("PC-0O1I00", SupportProblem.PartialIdentifier)] // look-alike characters are never in a reference
    [InlineData("+39 333", SupportProblem.PartialIdentifier)]
    [InlineData("4512", SupportProblem.PartialIdentifier)]
    [InlineData("1234567890123456", SupportProblem.PartialIdentifier)]
    [InlineData("Rossi", SupportProblem.PartialIdentifier)]
    public void Parse_LessThanAFullIdentifier_IsRefused(string? typed, SupportProblem expected)
    {
        var (identifier, problem) = SupportSearchRules.Parse(typed);

        Assert.Null(identifier);
        Assert.Equal(expected, problem);
    }
}
