namespace Booking.Grains.Interfaces.Errors;

/// <summary>
/// A refusal by a domain rule, with a stable <see cref="Code"/>. Each code is its own sealed type with a
/// <c>(string message)</c> constructor, because a grain exception that crosses silos is recreated from its type and message.
/// </summary>
public abstract class DomainException : Exception
{
    protected DomainException()
    {
    }

    protected DomainException(string message)
        : base(message)
    {
    }

    protected DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The stable, snake_case error code clients branch on.</summary>
    public abstract string Code { get; }

    /// <summary>The kind of refusal.</summary>
    public abstract DomainErrorKind Kind { get; }
}
