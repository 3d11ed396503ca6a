namespace Booking.Grains.Interfaces.Errors;

/// <summary>The refresh token is unknown, expired, rotated or revoked (<c>invalid_refresh_token</c>).</summary>
public sealed class InvalidRefreshTokenException : DomainException
{
    public InvalidRefreshTokenException()
    {
    }

    public InvalidRefreshTokenException(string message)
        : base(message)
    {
    }

    public InvalidRefreshTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string Code => "invalid_refresh_token";

    public override DomainErrorKind Kind => DomainErrorKind.Unauthenticated;
}
