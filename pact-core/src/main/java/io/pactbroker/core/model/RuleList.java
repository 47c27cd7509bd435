package io.pactbroker.core.model;

import java.util.List;

/**
 * The rules at one path, combined with {@code AND} (all must pass, the default) or {@code OR} (one must pass).
 *
 * <pre>{@code
 * RuleList idOrNull = RuleList.or(MatchingRule.integer(), new MatchingRule.NullValue());
 * }</pre>
 *
 * @param rules the rules, in the order given
 * @param logic how their results combine
 */
public record RuleList(List<MatchingRule> rules, RuleLogic logic) {

    /** How the results of several rules combine. */
    public enum RuleLogic {
        AND,
        OR
    }

    public RuleList {
        rules = List.copyOf(rules);
    }

    /** Rules that must all pass. */
    public static RuleList and(MatchingRule... rules) {
        return new RuleList(List.of(rules), RuleLogic.AND);
    }

    /** Rules of which one must pass. */
    public static RuleList or(MatchingRule... rules) {
        return new RuleList(List.of(rules), RuleLogic.OR);
    }

    /** A single rule. */
    public static RuleList of(MatchingRule rule) {
        return new RuleList(List.of(rule), RuleLogic.AND);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** A copy with the rule appended. */
    public RuleList plus(MatchingRule rule) {
        List<MatchingRule> list = new java.util.ArrayList<>(rules);
        list.add(rule);
        return new RuleList(list, logic);
    }

    /** Whether any rule is a type rule. */
    public boolean hasTypeRule() {
        return rules.stream().anyMatch(MatchingRule::isTypeRule);
    }

    /** Whether any rule is a values rule. */
    public boolean hasValuesRule() {
        return rules.stream().anyMatch(MatchingRule::isValuesRule);
    }
}
