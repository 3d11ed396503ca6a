namespace Booking.Grains.Interfaces.Errors;

/// <summary>Self-registration is limited to an allow-list of email domains and this address is outside it (<c>email_domain_not_allowed</c>).</summary>
public sealed class EmailDomainNotAllowedException : DomainException
{
    public EmailDomainNotAllowedException()
    {
    }

    public EmailDomainNotAllowedException(string message)
        : base(message)
    {
    }

    public EmailDomainNotAllowedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "email_domain_not_allowed";

    public override DomainErrorKind Kind => DomainErrorKind.Forbidden;
}
