using Booking.Grains.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Tests.Messages;

/// <summary>Reads mails from a host's message outbox (for hosts without an SMTP server: mails are rendered and kept there).</summary>
internal static class OutboxMail
{
    /// <summary>Waits until <paramref name="userId"/>'s mail of <paramref name="kind"/> is rendered, and returns it.</summary>
    public static async Task<MailDelivery> WaitForAsync(IServiceProvider services, string userId, string kind)
    {
        var outbox = services.GetRequiredService<IMessageOutbox>();
        var limit = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await outbox.ListMailAsync(new MailFilter { UserId = userId }, 1, 100, CancellationToken.None);
            if (page.Items.SingleOrDefault(m => m.Kind == kind && m.Content is not null) is { } mail)
            {
                return mail;
            }

            if (DateTime.UtcNow > limit)
            {
                throw new TimeoutException($"No rendered {kind} mail for {userId} within 30 s (outbox: {string.Join(", ", page.Items.Select(m => m.Kind + "/" + m.Status))}).");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The code in <paramref name="userId"/>'s password-reset mail.</summary>
    public static async Task<string> ResetCodeAsync(IServiceProvider services, string userId)
    {
        var mail = await WaitForAsync(services, userId, MailKinds.PasswordReset);
        return CodeIn(mail.Content!.Text, userId);
    }

    /// <summary>The reset code (<c>{userId}.{secret}</c>) in a mail's text.</summary>
    public static string CodeIn(string text, string userId) =>
        text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Single(word => word.StartsWith(userId + ".", StringComparison.Ordinal));
}
