namespace PreferenceCenter.Features.Common;

/// <summary>
/// The one rule for plain text staff type into the app's editors, the API fields' rule: no control character. NUL
/// above all: no one types it, PostgreSQL's <c>text</c> cannot hold it, and it was stored silently (as U+FFFD on
/// PostgreSQL, as typed on SQLite) where it should have been refused with a message. Line breaks and tabs pass
/// where the field holds more than one line.
/// </summary>
public static class PlainText
{
    public static bool HasControlCharacter(string? text, bool multiline = false) =>
        text is not null && text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'));
}
