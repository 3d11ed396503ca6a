namespace Booking.Grains.Interfaces.Errors;

/// <summary>A value breaks a rule about its own content (<c>validation_failed</c>).</summary>
public sealed class DomainValidationException : DomainException
{
    public DomainValidationException()
    {
    }

    public DomainValidationException(string message)
        : base(message)
    {
    }

    public DomainValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "validation_failed";

    public override DomainErrorKind Kind => DomainErrorKind.Validation;
}
