namespace PreferenceCenter.Features.Messaging;

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
