namespace PreferenceCenter.Features.PersonalData;

/// <summary>A detail a channel needs before anything can be sent on it.</summary>
public enum ContactDetail
{
    /// <summary>A phone number in international format, for SMS and calls.</summary>
    Phone = 1,

    /// <summary>A postal address, for post.</summary>
    PostalAddress = 2,

    /// <summary>Our app signed in on a phone, for push notifications: given in the app, never typed here.</summary>
    App = 3,
}
