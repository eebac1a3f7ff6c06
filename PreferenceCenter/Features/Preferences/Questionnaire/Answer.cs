namespace PreferenceCenter.Features.Preferences.Questionnaire;

/// <summary>
/// A customer's current answer to one question: the chosen option keys, or their own words. Personal data:
/// it never enters the ledger, which records only that a question was answered or forgotten.
/// </summary>
public sealed class Answer
{
    public int Id { get; init; }
    public Guid CustomerId { get; init; }
    public int QuestionId { get; init; }

    /// <summary>Chosen option keys (choice questions), in the question's order.</summary>
    public List<string> Choices { get; set; } = [];

    /// <summary>The customer's own words (free-text questions).</summary>
    public string? Text { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
    public int Version { get; set; }
}
