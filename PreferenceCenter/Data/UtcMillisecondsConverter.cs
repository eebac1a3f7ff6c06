using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PreferenceCenter.Data;

/// <summary>Stores a <see cref="DateTimeOffset"/> as UTC Unix milliseconds: sortable, comparable, offset-free.</summary>
public sealed class UtcMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));
