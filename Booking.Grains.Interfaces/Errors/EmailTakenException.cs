namespace Booking.Grains.Interfaces.Errors;

/// <summary>An active account already uses the email address (<c>email_taken</c>).</summary>
public sealed class EmailTakenException : DomainException
{
    public EmailTakenException()
    {
    }

    public EmailTakenException(string message)
        : base(message)
    {
    }

    public EmailTakenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "email_taken";

    public override DomainErrorKind Kind => DomainErrorKind.Conflict;
}
