namespace Booking.Grains.Interfaces.Errors;

/// <summary>The current password given for a password change is wrong (<c>invalid_current_password</c>).</summary>
public sealed class InvalidCurrentPasswordException : DomainException
{
    public InvalidCurrentPasswordException()
    {
    }

    public InvalidCurrentPasswordException(string message)
        : base(message)
    {
    }

    public InvalidCurrentPasswordException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "invalid_current_password";

    public override DomainErrorKind Kind => DomainErrorKind.Validation;
}
