using System.Text.RegularExpressions;
using k8s.Models;

namespace SrcNetInfra.Core.Model;

/// <summary>
/// A Kubernetes resource quantity (CPU, memory, storage) as the user wrote it, with its value for
/// comparisons (quota fits, limits >= requests). The text is kept so rendered objects show what the
/// stack file says, in Kubernetes' canonical form.
/// </summary>
public sealed partial record Quantity(string Text, decimal Value)
{
    // Kubernetes' own grammar (apimachinery resource.Quantity), without a sign: negative
    // requests, limits and sizes are never meaningful here, and spaces are not allowed.
    [GeneratedRegex(@"^(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[mkMGTPE]|[eE][+-]?\d+)?$")]
    private static partial Regex Grammar();

    public static bool TryParse(string? text, out Quantity quantity)
    {
        quantity = null!;
        if (string.IsNullOrWhiteSpace(text) || !Grammar().IsMatch(text)) return false;
        try
        {
            quantity = new Quantity(text, new ResourceQuantity(text).ToDecimal());
            return true;
        }
        // ResourceQuantity throws ArgumentOutOfRangeException for exponents such as 1e-2147483648.
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            return false;
        }
    }

    public static Quantity Parse(string text) =>
        TryParse(text, out var q) ? q : throw new FormatException($"'{text}' is not a Kubernetes quantity");

    public ResourceQuantity ToResourceQuantity() => new(Text);

    public override string ToString() => Text;
}
