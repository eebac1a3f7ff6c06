namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// The development app on its own database, for the journey that publishes a new notice version: the shared host's
/// notice (and every customer's review banner there) stays as the other tests expect it.
/// </summary>
public sealed class NoticeEditorAppHost : AppHost;
