namespace Wargame.Domain.Bots;

/// <summary>
/// How the bots play: every number <see cref="BotPolicy"/> chooses with, in one place. These are behaviour, not rules
/// of the game: no outcome is computed from them (the deciders and the resolver read only the
/// <see cref="Adjudication.RulesTable"/>), so they are not rule constants and are not recorded in a game's log. They
/// are tuned so that a table of bots plays plausibly and the calibration runs (which use the same bots as the server)
/// cover ceasefires, tests and reversals; changing one changes bot games and the calibration figures, not the rules.
/// </summary>
internal static class BotTuning
{
    // Negotiation

    /// <summary>Russia counters half the ceasefires without sanctions relief, asking for phased relief: it bargains rather than refusing outright.</summary>
    public const double RussiaCountersWithoutRelief = 0.5;
    /// <summary>The zone Ukraine's own ceasefire proposal asks for (km): a modest, monitorable buffer.</summary>
    public const int UkraineProposedDmzKm = 10;
    /// <summary>The European tripwire Ukraine's guarantee proposal asks for: a brigade-sized presence in the rear.</summary>
    public const int UkraineProposedTripwire = 10_000;

    /// <summary>Ukraine accepts a ceasefire that both pledges NATO non-accession and caps its forces only reluctantly.</summary>
    public const double UkraineAcceptsPledgeAndCap = 0.3;
    public const double UkraineAcceptsPledge = 0.6;
    public const double UkraineAcceptsCeasefire = 0.85;
    /// <summary>Russia wants sanctions relief above all, and a NATO pledge on top.</summary>
    public const double RussiaAcceptsWithoutRelief = 0.35;
    public const double RussiaAcceptsWithRelief = 0.75;
    public const double RussiaPledgeBonus = 0.15;
    /// <summary>The guarantors want the war to end: they sign almost any ceasefire, and Ukraine almost any guarantee.</summary>
    public const double GuarantorsAcceptCeasefire = 0.95;
    public const double UkraineAcceptsGuarantee = 0.95;
    /// <summary>Russia resents a tripwire on the line of contact much more than one in the rear.</summary>
    public const double RussiaAcceptsLineTripwire = 0.2;
    public const double RussiaAcceptsGuarantee = 0.55;
    /// <summary>The US refuses most guarantees that put more of its troops in Ukraine than its public would carry.</summary>
    public const double UsAcceptsTooManyTroops = 0.15;
    public const double UsAcceptsGuarantee = 0.8;
    /// <summary>With domestic support above this share the US will put up to <see cref="UsTroopsWithSupport"/> troops on the ground; below it none.</summary>
    public const double UsSupportForTroops = 0.5;
    public const int UsTroopsWithSupport = 20_000;
    /// <summary>Europe never promises troops it does not have, and otherwise mostly accepts.</summary>
    public const double EuAcceptsBeyondForces = 0;
    public const double EuAcceptsGuarantee = 0.8;
    /// <summary>Any other proposal: a coin toss.</summary>
    public const double AcceptOtherwise = 0.5;

    // Russia's orders

    /// <summary>From this sanctions pressure on, Russia tries to evade them half the time.</summary>
    public const int EvadeFromSanctions = 5;
    public const double EvadeChance = 0.5;
    /// <summary>Under a ceasefire rearming pays only against deterrence above this, and then with this share of resolve as its chance.</summary>
    public const double RearmAgainstDeterrence = 0.5;
    public const double RearmResolveShareAtPeace = 0.5;
    /// <summary>At war Russia rearms with this share of its resolve as the chance.</summary>
    public const double RearmResolveShareAtWar = 0.4;

    // Ukraine's orders

    /// <summary>Ukraine mobilises (with this chance) when outnumbered below this ratio and its morale can bear it.</summary>
    public const double MobiliseBelowForceRatio = 0.6;
    public const double MobiliseMoraleFloor = 0.4;
    public const double MobiliseChance = 0.3;
    /// <summary>Under a ceasefire Ukraine fortifies while deterrence is below this, else holds.</summary>
    public const double FortifyBelowDeterrence = 0.5;
    /// <summary>At war Ukraine counter-attacks (with this chance) only when its readiness is high.</summary>
    public const double CounterAttackReadiness = 0.75;
    public const double CounterAttackChance = 0.2;

    // Guarantors' orders

    /// <summary>Under exit pressure a guarantor withdraws half its troops, half the time.</summary>
    public const double WithdrawChance = 0.5;
    public const int WithdrawDivisor = 2;
    /// <summary>The commitment a guarantor assumes of itself when its view shows none for a tested guarantee.</summary>
    public const double CommitmentIfUnknown = 0.2;
    /// <summary>A rallied public makes honouring likelier; exit pressure makes it much less likely (logit shifts).</summary>
    public const double RallyHonourShift = 0.3;
    public const double ExitPressureHonourShift = 0.5;
    /// <summary>A guarantor that honours fights when its commitment is above this (the US also needs this much support at home).</summary>
    public const double FightAboveCommitment = 0.75;
    public const double UsFightSupportFloor = 0.4;
    /// <summary>With sanctions relief promised, guarantors ease sanctions every other turn down to this pressure.</summary>
    public const int EaseSanctionsDownTo = 2;
    /// <summary>Europe raises defence spending (with this chance) while deterrence is below this.</summary>
    public const double SpendBelowDeterrence = 0.5;
    public const double SpendChance = 0.3;
    /// <summary>A guarantor whose support is low hedges with this chance; one with support above the floor firms up with the other.</summary>
    public const double HedgeChance = 0.3;
    public const double FirmUpSupportFloor = 0.55;
    public const double FirmUpChance = 0.25;
}
