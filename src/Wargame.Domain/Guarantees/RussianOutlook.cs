using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Domain.Guarantees;

/// <summary>
/// Russia's expected utility of each option (step C), with D as Russia perceives it: EU_attack = (1 - D) Gain - D
/// Cost_war; complying is worth the ceasefire's value while one is in force, 0 at war.
/// </summary>
public static class RussianOutlook
{
    /// <summary>
    /// The line Russia is shown in <paramref name="world"/>, with <paramref name="deterrence"/> its estimate of D there: the
    /// options, and under a ceasefire the hazard h with and without rearming. Russia's view shows it while Russia gives
    /// its orders, and the outlook record judges those orders against the same line, taken from the world the turn
    /// began in (not one already moved by the other roles' orders of that turn, which Russia could not see).
    /// </summary>
    public static RussianOutlookView Shown(World world, RulesTable rules, double deterrence)
    {
        var hasCeasefire = world.Ceasefire is not null;
        var hazard = hasCeasefire ? Deterrence.Hazard(world, rules, deterrence, rearm: false).Value : (double?)null;
        var rearming = hasCeasefire ? Deterrence.Hazard(world, rules, deterrence, rearm: true).Value : (double?)null;
        return new RussianOutlookView(deterrence, hazard, rearming, Options(deterrence, world.Hidden(HiddenQuantity.Resolve), rules, hasCeasefire));
    }

    public static double Utility(double deterrence, double gain, double cost) => (1 - deterrence) * gain - deterrence * cost;

    /// <summary>Gains scale with Russia's true resolve (base + resolve), so only Russia can compute its own line.</summary>
    public static ImmutableArray<AttackOptionView> Options(double deterrence, double resolve, RulesTable rules, bool ceasefire)
    {
        var comply = ceasefire ? rules.Value(RuleKey.CeasefireValue) : 0;
        var scale = rules.Value(RuleKey.GainResolveBase) + resolve;
        AttackOptionView Option(RussiaPosture posture, RuleKey gain, RuleKey cost) =>
            new(posture, rules.Value(gain) * scale, rules.Value(cost), Utility(deterrence, rules.Value(gain) * scale, rules.Value(cost)));
        return
        [
            new AttackOptionView(RussiaPosture.Comply, comply, 0, comply),
            Option(RussiaPosture.Probe, RuleKey.GainProbe, RuleKey.CostProbe),
            Option(RussiaPosture.LimitedOffensive, RuleKey.GainLimited, RuleKey.CostLimited),
            Option(RussiaPosture.MajorOffensive, RuleKey.GainMajor, RuleKey.CostMajor),
        ];
    }
}
