namespace PreferenceCenter.Features.Messaging.Sending;

/// <summary>The words of one marketing-type email, already in the reader's language; an optional call to action.</summary>
public sealed record MarketingEmailContent(string Subject, string Intro, string? ActionText = null, Uri? ActionLink = null);
