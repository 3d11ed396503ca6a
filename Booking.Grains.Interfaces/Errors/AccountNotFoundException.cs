namespace Booking.Grains.Interfaces.Errors;

/// <summary>No active account has that id (<c>user_not_found</c>).</summary>
public sealed class AccountNotFoundException : DomainException
{
    public AccountNotFoundException()
    {
    }

    public AccountNotFoundException(string message)
        : base(message)
    {
    }

    public AccountNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "user_not_found";

    public override DomainErrorKind Kind => DomainErrorKind.NotFound;
}
