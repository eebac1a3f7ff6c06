namespace PreferenceCenter.Features.Common;

/// <summary>The channels a purpose is offered on, stored as bits (bit n = <see cref="Channel"/> n).</summary>
[Flags]
#pragma warning disable CA1711 // "Set" reads better than the suggested alternatives for a set of channels.
public enum ChannelSet
#pragma warning restore CA1711
{
    None = 0,
    Email = 1 << Channel.Email,
    Sms = 1 << Channel.Sms,
    Phone = 1 << Channel.Phone,
    Push = 1 << Channel.Push,
    Post = 1 << Channel.Post,
}
