namespace PreferenceCenter.Features.Privacy.Editor;

/// <summary>What the officer can change in a notice: a purpose's texts per language, and the full legal text.</summary>
public enum NoticeField
{
    Title,
    Summary,
    DataUsed,
    Retention,
    IfYouSayNo,
    LegalText,
}
