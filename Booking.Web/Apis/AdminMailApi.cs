using System.ComponentModel.DataAnnotations;
using Booking.Grains.Messages;
using Booking.Web.Auth;
using Booking.Web.Contracts;
using Booking.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

/// <summary><c>/api/v1/admin/mail</c>: the mail outbox as administrators see it (what waits, what went out, what died).</summary>
internal static class AdminMailApi
{
    public static IEndpointRouteBuilder MapAdminMailApi(this IEndpointRouteBuilder routes)
    {
        var mail = routes.MapGroup("/api/v1/admin/mail")
            .WithTags("Admin: mail")
            .RequireAuthorization(AuthPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        mail.MapGet("", ListAsync)
            .WithSummary("List mails, newest first")
            .WithDescription("Every mail the engine wrote, with its status (pending, sent, dead, skipped), attempts, next due time and last error. "
                + "Filters: status, userId (the recipient). Paged: page from 1, pageSize 1 to 100 (default 20). Without an SMTP host mails stay pending here, rendered.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        mail.MapGet("/{id}", GetAsync)
            .WithSummary("One mail with its content")
            .WithDescription("Subject, plain text, HTML and iCalendar attachment as they are (or will be) sent. The content of security mails (password-reset codes) is not shown.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    public static async Task<Results<Ok<AdminMailPage>, ProblemHttpResult>> ListAsync(
        IMessageOutbox outbox,
        CancellationToken cancellationToken,
        string? status = null,
        [StringLength(100, ErrorMessage = "userId must be at most 100 characters long.")] string? userId = null,
        [Range(1, int.MaxValue, ErrorMessage = "page must be 1 or more.")] int page = 1,
        [Range(1, 100, ErrorMessage = "pageSize must be between 1 and 100.")] int pageSize = 20)
    {
        if (status is not null && !DeliveryStatuses.All.Contains(status))
        {
            return BookingProblems.Of(Booking.Grains.Interfaces.Model.BookingErrorCodes.ValidationFailed, $"status must be one of: {string.Join(", ", DeliveryStatuses.All)}.");
        }

        var found = await outbox.ListMailAsync(new MailFilter { Status = status, UserId = userId }, page, pageSize, cancellationToken);
        return TypedResults.Ok(new AdminMailPage
        {
            Items = [.. found.Items.Select(AdminMail.From)],
            Page = found.Page,
            PageSize = found.PageSize,
            Total = found.Total,
        });
    }

    public static async Task<Results<Ok<AdminMailContent>, ProblemHttpResult>> GetAsync(string id, IMessageOutbox outbox, CancellationToken cancellationToken) =>
        await outbox.GetMailAsync(id, cancellationToken) is { } mail
            ? TypedResults.Ok(AdminMailContent.From(mail))
            : BookingProblems.Of(Booking.Grains.Interfaces.Model.BookingErrorCodes.NotFound, $"No mail with id {id}.");
}
