namespace PreferenceCenter.Features.MyData;

/// <summary>
/// Everything we hold about one customer, as they download it (JSON) and read it (/my-data). Consents are ISO/IEC
/// TS 27560 consent records (<see cref="ConsentRecord"/>) so another system can read them.
/// </summary>
public sealed record MyDataExport(
    string Format,
    DateTimeOffset GeneratedAt,
    MyDataProfile Profile,
    IReadOnlyList<ConsentRecord> Consents,
    IReadOnlyList<AnswerRecord> Answers,
    IReadOnlyList<ContactRuleRecord> ContactRules,
    IReadOnlyList<FeedbackRecord> Feedback,
    IReadOnlyList<ErasureRequestRecord> ErasureRequests)
{
    /// <summary>Names this document's shape; a later change to it gets a new number.</summary>
    public const string CurrentFormat = "preferencecenter-my-data/1";
}
