using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Domain.Guarantees;

/// <summary>
/// Russia's expected utility of each option (step C), with D as Russia perceives it: EU_attack = (1 - D) Gain - D
/// Cost_war; complying is worth the ceasefire's value while one is in force, 0 at war.
/// </summary>
public static class RussianOutlook
{
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
