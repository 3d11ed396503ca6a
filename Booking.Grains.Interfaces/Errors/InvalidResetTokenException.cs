namespace Booking.Grains.Interfaces.Errors;

/// <summary>The password-reset token is unknown, used or expired (<c>invalid_reset_token</c>).</summary>
public sealed class InvalidResetTokenException : DomainException
{
    public InvalidResetTokenException()
    {
    }

    public InvalidResetTokenException(string message)
        : base(message)
    {
    }

    public InvalidResetTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "invalid_reset_token";

    public override DomainErrorKind Kind => DomainErrorKind.Validation;
}
