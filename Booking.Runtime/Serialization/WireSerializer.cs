using System.Text.Json;
using Booking.Runtime.Core;

namespace Booking.Runtime.Serialization;

/// <summary>
/// Serializes calls that cross silos, as a network would: arguments and results become JSON bytes and are read back
/// into new objects, so no grain can depend on sharing references with another silo. Exceptions travel as type and message.
/// </summary>
internal static class WireSerializer
{
    private const byte Success = 0;
    private const byte Failure = 1;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static byte[] SerializeArguments(GrainMethod method, object?[] arguments)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var i = 0; i < arguments.Length; i++)
            {
                JsonSerializer.Serialize(writer, arguments[i], method.ParameterTypes[i], Options);
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static object?[] DeserializeArguments(GrainMethod method, byte[] payload)
    {
        var reader = new Utf8JsonReader(payload);
        reader.Read();
        var arguments = new object?[method.ParameterTypes.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            reader.Read();
            arguments[i] = JsonSerializer.Deserialize(ref reader, method.ParameterTypes[i], Options);
        }

        return arguments;
    }

    public static byte[] SerializeResult<T>(T value)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, Options);
        var bytes = new byte[json.Length + 1];
        bytes[0] = Success;
        json.CopyTo(bytes, 1);
        return bytes;
    }

    public static byte[] SerializeException(Exception exception)
    {
        var envelope = new ExceptionEnvelope(exception.GetType().AssemblyQualifiedName ?? exception.GetType().FullName!, exception.GetType().FullName!, exception.Message);
        var json = JsonSerializer.SerializeToUtf8Bytes(envelope, Options);
        var bytes = new byte[json.Length + 1];
        bytes[0] = Failure;
        json.CopyTo(bytes, 1);
        return bytes;
    }

    /// <summary>Returns the result, or throws the remote exception recreated with its type and message.</summary>
    public static T DeserializeResult<T>(byte[] payload)
    {
        if (payload[0] == Success)
        {
            return JsonSerializer.Deserialize<T>(payload.AsSpan(1), Options)!;
        }

        var envelope = JsonSerializer.Deserialize<ExceptionEnvelope>(payload.AsSpan(1), Options)!;
        throw Recreate(envelope);
    }

    private static Exception Recreate(ExceptionEnvelope envelope)
    {
        var type = Type.GetType(envelope.AssemblyQualifiedName, throwOnError: false);
        if (type is not null && typeof(Exception).IsAssignableFrom(type) && type.GetConstructor([typeof(string)]) is { } constructor)
        {
            try
            {
                return (Exception)constructor.Invoke([envelope.Message]);
            }
            catch (System.Reflection.TargetInvocationException)
            {
                // Fall through to the generic carrier below.
            }
        }

        return new GrainCallException(envelope.TypeName, envelope.Message);
    }

    private sealed record ExceptionEnvelope(string AssemblyQualifiedName, string TypeName, string Message);
}
