using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Features.Messaging;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Components.Account;

/// <summary>
/// Drop-in for <see cref="DataAnnotationsValidator"/> on the account forms: it checks the same data-annotation
/// attributes but writes the messages in the reader's language. On the form models, <see cref="DisplayAttribute.Name"/>
/// and any <see cref="ValidationAttribute.ErrorMessage"/> are <see cref="AccountResource"/> keys, not English text.
/// </summary>
public sealed class LocalizedValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? messages;
    private EditContext? subscribedContext;

    [CascadingParameter]
    private EditContext? CurrentEditContext { get; set; }

    [Inject]
    private IStringLocalizer<AccountResource> T { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (CurrentEditContext is null)
        {
            throw new InvalidOperationException($"{nameof(LocalizedValidator)} must be placed inside an EditForm.");
        }

        if (ReferenceEquals(CurrentEditContext, subscribedContext))
        {
            return;
        }

        Unsubscribe();
        subscribedContext = CurrentEditContext;
        messages = new ValidationMessageStore(subscribedContext);
        subscribedContext.OnValidationRequested += OnValidationRequested;
        subscribedContext.OnFieldChanged += OnFieldChanged;
    }

    public void Dispose() => Unsubscribe();

    private void Unsubscribe()
    {
        if (subscribedContext is not null)
        {
            subscribedContext.OnValidationRequested -= OnValidationRequested;
            subscribedContext.OnFieldChanged -= OnFieldChanged;
            messages?.Clear();
            subscribedContext = null;
        }
    }

    private void OnValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        var context = (EditContext)sender!;
        messages!.Clear();
        foreach (var property in context.Model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Validate(context.Model, property);
        }

        context.NotifyValidationStateChanged();
    }

    private void OnFieldChanged(object? sender, FieldChangedEventArgs e)
    {
        var context = (EditContext)sender!;
        var field = e.FieldIdentifier;
        messages!.Clear(field);
        if (field.Model.GetType().GetProperty(field.FieldName, BindingFlags.Public | BindingFlags.Instance) is { } property)
        {
            Validate(field.Model, property);
        }

        context.NotifyValidationStateChanged();
    }

    private void Validate(object model, PropertyInfo property)
    {
        var value = property.GetValue(model);
        var context = new ValidationContext(model) { MemberName = property.Name, DisplayName = DisplayName(property) };
        foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
        {
            if (attribute.GetValidationResult(value, context) != ValidationResult.Success)
            {
                // One message per field is enough to act on.
                messages!.Add(new FieldIdentifier(model, property.Name), Message(attribute, context.DisplayName, model));
                return;
            }
        }
    }

    private string Message(ValidationAttribute attribute, string displayName, object model)
    {
        object[] arguments = attribute switch
        {
            StringLengthAttribute length => [displayName, length.MaximumLength, length.MinimumLength],
            CompareAttribute compare => [displayName, DisplayName(model.GetType().GetProperty(compare.OtherProperty))],
            _ => [displayName],
        };
        // ErrorMessage also returns the framework's English default (EmailAddress, Phone), so it only counts when it is one of our keys.
        var key = attribute.ErrorMessage is { } custom && !T[custom].ResourceNotFound ? custom : attribute switch
        {
            RequiredAttribute => "Validation.Required",
            EmailAddressAttribute or DeliverableEmailAttribute => "Validation.Email",
            PhoneAttribute => "Validation.Phone",
            StringLengthAttribute { MinimumLength: 0 } => "Validation.MaxLength",
            StringLengthAttribute => "Validation.StringLength",
            CompareAttribute => "Validation.Compare",
            _ => null,
        };
        if (key is null)
        {
            return attribute.FormatErrorMessage(displayName);
        }

        var text = T[key, arguments];
        return text.ResourceNotFound ? attribute.FormatErrorMessage(displayName) : text.Value;
    }

    private string DisplayName(PropertyInfo? property)
    {
        if (property is null)
        {
            return "";
        }

        var key = property.GetCustomAttribute<DisplayAttribute>()?.Name;
        return key is null ? property.Name : T[key].Value;
    }
}
