using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Preferences.Questionnaire;

/// <summary>
/// A zero-party question the privacy officer asks. It always names the purpose it serves, and its texts say why we
/// ask: data minimisation is enforced by <see cref="QuestionRules"/>, not suggested.
/// </summary>
public sealed class Question
{
    public const int KeyMaxLength = 60;
    public const int PromptMaxLength = 200;
    public const int WhyWeAskMaxLength = 300;

    /// <summary>The longest free-text answer any question may allow.</summary>
    public const int FreeTextLimit = 500;

    public int Id { get; init; }

    /// <summary>Stable key recorded in the ledger, e.g. <c>interests</c>.</summary>
    public required string Key { get; init; }
    public QuestionType Type { get; set; }
    public int PurposeId { get; set; }
    public Purpose? Purpose { get; set; }

    /// <summary>For free text: the longest answer accepted.</summary>
    public int? MaxLength { get; set; }
    public int SortOrder { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When set, the question is no longer asked; past answers stay readable in history.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
    public int Version { get; set; }

    public List<QuestionText> Texts { get; init; } = [];
    public List<QuestionOption> Options { get; init; } = [];

    public bool IsRetired => RetiredAt is not null;
}
