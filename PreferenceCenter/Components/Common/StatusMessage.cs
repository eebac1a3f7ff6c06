using MudBlazor;

namespace PreferenceCenter.Components.Common;

/// <summary>A one-line outcome shown in a page's live region.</summary>
public sealed record StatusMessage(Severity Severity, string Text);
