namespace Booking.Silo.Messages;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text (a relay on the same host or network).</summary>
    None,

    /// <summary>Upgrade with STARTTLS; fails if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
