namespace PreferenceCenter.Infrastructure.Jobs;

/// <summary>
/// Who may run the job called <see cref="Name"/> until <see cref="ExpiresAt"/>. A holder that dies simply lets it
/// lapse; another instance takes it over after that.
/// </summary>
public sealed class Lease
{
    public const int NameMaxLength = 100;
    public const int HolderMaxLength = 200;

    public required string Name { get; init; }
    public required string Holder { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
