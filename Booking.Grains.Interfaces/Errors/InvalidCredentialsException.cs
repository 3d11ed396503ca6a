namespace Booking.Grains.Interfaces.Errors;

/// <summary>The email and password do not match an account (<c>invalid_credentials</c>); the same for an unknown email.</summary>
public sealed class InvalidCredentialsException : DomainException
{
    public InvalidCredentialsException()
    {
    }

    public InvalidCredentialsException(string message)
        : base(message)
    {
    }

    public InvalidCredentialsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "invalid_credentials";

    public override DomainErrorKind Kind => DomainErrorKind.Unauthenticated;
}
