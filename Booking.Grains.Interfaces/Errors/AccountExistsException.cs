namespace Booking.Grains.Interfaces.Errors;

/// <summary>An account with that user id exists already (<c>account_exists</c>).</summary>
public sealed class AccountExistsException : DomainException
{
    public AccountExistsException()
    {
    }

    public AccountExistsException(string message)
        : base(message)
    {
    }

    public AccountExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "account_exists";

    public override DomainErrorKind Kind => DomainErrorKind.Conflict;
}
