namespace Booking.Silo.Messages;

/// <summary>The <c>Booking:Mail:Smtp</c> section. Without a host, mails are rendered and kept in the outbox, not sent.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>Defaults by security: 25 (None), 587 (StartTls), 465 (SslOnConnect).</summary>
    public int? Port { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>How long one SMTP operation (connect, a command) may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public int EffectivePort => Port ?? Security switch
    {
        SmtpSecurity.None => 25,
        SmtpSecurity.SslOnConnect => 465,
        _ => 587,
    };
}
