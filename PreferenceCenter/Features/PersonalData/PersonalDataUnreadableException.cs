namespace PreferenceCenter.Features.PersonalData;

/// <summary>Thrown instead of returning garbage: the customer's key is gone (erased), or the text was not encrypted with it.</summary>
public sealed class PersonalDataUnreadableException : Exception
{
    public PersonalDataUnreadableException()
    {
    }

    public PersonalDataUnreadableException(string message)
        : base(message)
    {
    }

    public PersonalDataUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
