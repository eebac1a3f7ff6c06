using System.ComponentModel.DataAnnotations;

namespace PreferenceCenter.Features.Messaging;

/// <summary><c>Email:Smtp:*</c>: the relay used when <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>None, StartTls (default for port 587) or SslOnConnect (port 465).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }
    public string? Password { get; set; }
}
