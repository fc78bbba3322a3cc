using System.Text.Json.Serialization;
using Wargame.Domain.Guarantees;

namespace Wargame.Domain.Turns;

/// <summary>A role's secret, simultaneous orders for one turn. The subtype must match the role.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(RussiaOrders), "russia")]
[JsonDerivedType(typeof(UkraineOrders), "ukraine")]
[JsonDerivedType(typeof(GuarantorOrders), "guarantor")]
public abstract record Orders;

public enum RussiaPosture { Comply, Probe, LimitedOffensive, MajorOffensive }

public sealed record RussiaOrders(RussiaPosture Posture, bool Rearm, bool SanctionsEvasion) : Orders;

public enum UkrainePosture { Hold, Fortify, CounterAttack }

public sealed record UkraineOrders(UkrainePosture Posture, bool Mobilise) : Orders;

public enum SanctionsChange { Hold, Up, Down }

/// <summary>How a guarantor answers when one of its guarantees was tested last turn.</summary>
public enum TestResponse { Fight, Limited, SanctionsAndArms, Nothing }

/// <summary>Orders for the US or Europe. Positive <see cref="TroopChange"/> deploys, negative withdraws.</summary>
public sealed record GuarantorOrders : Orders
{
    public int TroopChange { get; init; }
    public TripwireLocation TroopLocation { get; init; } = TripwireLocation.Rear;
    public bool ArmsAndIntelligence { get; init; }
    public SanctionsChange Sanctions { get; init; } = SanctionsChange.Hold;
    /// <summary>Required only when one of this guarantor's guarantees was tested last turn.</summary>
    public TestResponse? Response { get; init; }
    /// <summary>US only: seek ratification of a signed treaty.</summary>
    public bool SeekRatification { get; init; }
    /// <summary>Europe only: raise defence spending.</summary>
    public bool RaiseSpending { get; init; }
    /// <summary>A statement that strengthens or weakens one of this guarantor's guarantees, or adds or drops its ambiguity clause (one-off).</summary>
    public CommitmentStatement? Statement { get; init; }
}
