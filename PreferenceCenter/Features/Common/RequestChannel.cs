namespace PreferenceCenter.Features.Common;

/// <summary>How the customer asked support to act for them; recorded with every change made on their behalf.</summary>
public enum RequestChannel
{
    Phone = 1,
    Email = 2,
    Letter = 3,
    InPerson = 4,
}
