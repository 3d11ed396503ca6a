using System.Net.Sockets;
using Booking.Grains.Messages;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Utils;

namespace Booking.Silo.Messages;

/// <summary>Sends rendered mails over SMTP with MailKit: one connection per batch, one message per delivery.</summary>
internal sealed class SmtpMailTransport(MailOptions options)
{
    /// <summary>An open connection for a batch of sends.</summary>
    public async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Smtp;
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            var security = smtp.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(smtp.Host!, smtp.EffectivePort, security, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task SendAsync(SmtpClient client, RenderedMail mail, DateTimeOffset date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var message = Build(mail, date);
        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether an SMTP failure will not go away by trying again: the server refused the recipient or the message for good
    /// (a 5xx reply). Connection failures, timeouts and 4xx replies are worth another attempt.
    /// </summary>
    public static bool IsPermanent(Exception exception) =>
        exception is SmtpCommandException command && (int)command.StatusCode >= 500;

    /// <summary>Whether the failure concerns this message alone (the connection is still good for the next one).</summary>
    public static bool IsMessageFailure(Exception exception) => exception is SmtpCommandException;

    public static bool IsConnectionFailure(Exception exception) =>
        exception is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException or SslHandshakeException or AuthenticationException;

    internal MimeMessage Build(RenderedMail mail, DateTimeOffset date)
    {
        var message = new MimeMessage
        {
            MessageId = mail.MessageId,
            Date = date,
            Subject = mail.Subject,
        };
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(new MailboxAddress(mail.ToName ?? string.Empty, mail.To));
        message.Headers.Add("Content-Language", mail.Language);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
        if (mail.Calendar is not null)
        {
            var contentType = new ContentType("text", "calendar") { Charset = "utf-8" };
            contentType.Parameters.Add("method", mail.CalendarMethod ?? BookingCalendar.Request);
            var attachment = body.Attachments.Add(mail.CalendarMethod == BookingCalendar.Cancel ? "cancel.ics" : "invite.ics", System.Text.Encoding.UTF8.GetBytes(mail.Calendar), contentType);
            attachment.ContentId = MimeUtils.GenerateMessageId();
            if (attachment is MimePart part)
            {
                // Base64 keeps the file's bytes, CRLF line ends and folding included, exactly as written (RFC 5545 3.1).
                part.ContentTransferEncoding = ContentEncoding.Base64;
            }
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
