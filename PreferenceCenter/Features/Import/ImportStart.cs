namespace PreferenceCenter.Features.Import;

/// <summary>A real run's answer: the check, and the queued run when the file was clean (nothing is queued otherwise).</summary>
public sealed record ImportStart(ImportCheck Check, ImportRunView? Run);
