using System.Text.Json.Serialization;
using Wargame.Domain.Guarantees;

namespace Wargame.Domain.Negotiation;

/// <summary>The terms of a formal proposal: a ceasefire agreement or a security guarantee.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CeasefireTerms), "ceasefire")]
[JsonDerivedType(typeof(GuaranteeTerms), "guarantee")]
public abstract record AgreementTerms
{
    /// <summary>Turns the agreement stays in force once signed; null for no end date (then it expires with the game).</summary>
    public int? DurationTurns { get; init; }
}
