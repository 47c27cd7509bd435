package io.pactbroker.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.core.model.Body;
import io.pactbroker.core.model.Fixtures;
import io.pactbroker.core.model.HttpResponse;
import io.pactbroker.core.model.MatchingRule;
import io.pactbroker.core.model.MatchingRules;
import io.pactbroker.core.model.RuleList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every matching rule on JSON bodies, including the edge cases the specification cases leave out. */
class BodyRulesTest {

    static List<String> match(String expected, MatchingRules rules, String actual) {
        HttpResponse e = HttpResponse.of(200)
                .withBody(Body.json(Fixtures.json(expected)))
                .withMatchingRules(rules);
        HttpResponse a = HttpResponse.of(200).withBody(Body.json(Fixtures.json(actual)));
        return Matching.matchResponse(e, a).mismatches().stream()
                .map(Mismatch::render)
                .toList();
    }

    static List<String> match(String expected, String path, MatchingRule rule, String actual) {
        return match(expected, MatchingRules.builder().body(path, rule).build(), actual);
    }

    // ------------------------------------------------------------------------------------------------ equality

    @Test
    void shouldRenderAFailedRegexInTheHouseStyle() {
        assertThat(match(
                        "{\"lines\": [{\"sku\": \"A1\"}]}",
                        "$.lines[*].sku",
                        MatchingRule.regex("[A-Z]\\d"),
                        "{\"lines\": [{\"sku\": \"a1\"}]}"))
                .containsExactly("$.lines[0].sku: expected a string matching /[A-Z]\\d/ but was \"a1\"");
    }

    @Test
    void shouldReadABraceThatOpensNoRepetitionAsALiteralBraceAsRubyDoes() {
        // The Pact Broker client's contracts (recorded with Ruby regexes) match templated hrefs this way.
        assertThat(match(
                        "{\"href\": \"x\"}",
                        "$.href",
                        MatchingRule.regex("http:\\/\\/.*{pacticipant}.*{branch}"),
                        "{\"href\": \"http://broker/pacticipants/{pacticipant}/branches/{branch}\"}"))
                .isEmpty();
        assertThat(match(
                        "{\"href\": \"x\"}",
                        "$.href",
                        MatchingRule.regex("http:\\/\\/.*{pacticipant}.*{branch}"),
                        "{\"href\": \"http://broker/pacticipants/Foo/branches/main\"}"))
                .containsExactly("$.href: expected a string matching /http:\\/\\/.*{pacticipant}.*{branch}/ but was"
                        + " \"http://broker/pacticipants/Foo/branches/main\"");
        // Repetitions and escapes with braces keep their meaning next to a literal brace.
        assertThat(match("{\"a\": \"x\"}", "$.a", MatchingRule.regex("\\p{L}{2}-{id}"), "{\"a\": \"ab-{id}\"}"))
                .isEmpty();
        assertThat(match("{\"a\": \"x\"}", "$.a", MatchingRule.regex("\\p{L}{2}-{id}"), "{\"a\": \"abc-{id}\"}"))
                .hasSize(1);
    }

    @Test
    void shouldStillReportARegexThatIsInvalidForOtherReasons() {
        assertThat(match("{\"a\": \"x\"}", "$.a", MatchingRule.regex("({id}"), "{\"a\": \"x\"}"))
                .singleElement()
                .asString()
                .startsWith("$.a: the regular expression /({id}/ is not valid (Unclosed group");
    }

    @Test
    void shouldTellIntegersFromDecimalsButNotDecimalsFromTheirSpelling() {
        assertThat(match("{\"n\": 1}", MatchingRules.empty(), "{\"n\": 1.0}"))
                .containsExactly("$.n: expected 1 but was 1.0");
        assertThat(match("{\"n\": 1.10}", MatchingRules.empty(), "{\"n\": 1.1}"))
                .isEmpty();
        assertThat(match("{\"n\": 1e2}", MatchingRules.empty(), "{\"n\": 100.0}"))
                .isEmpty();
    }

    @Test
    void shouldCompareNumbersBeyondLongExactly() {
        assertThat(match(
                        "{\"n\": 123456789012345678901234567890}",
                        MatchingRules.empty(),
                        "{\"n\": 123456789012345678901234567890}"))
                .isEmpty();
        assertThat(match(
                        "{\"n\": 123456789012345678901234567890}",
                        MatchingRules.empty(),
                        "{\"n\": 123456789012345678901234567891}"))
                .hasSize(1);
        assertThat(match(
                        "{\"n\": 0.1000000000000000000000000001}",
                        MatchingRules.empty(),
                        "{\"n\": 0.1000000000000000000000000002}"))
                .hasSize(1);
    }

    @Test
    void shouldCompareUnicodeTextAndKeys() {
        assertThat(match("{\"ключ\": \"café ☃ 😀\"}", MatchingRules.empty(), "{\"ключ\": \"café ☃ 😀\"}"))
                .isEmpty();
        assertThat(match("{\"ключ\": \"café\"}", MatchingRules.empty(), "{\"ключ\": \"cafe\"}"))
                .containsExactly("$['ключ']: expected \"café\" but was \"cafe\"");
        assertThat(match("{\"名前\": \"太郎\"}", "$['名前']", MatchingRule.regex("\\p{IsHan}+"), "{\"名前\": \"花子\"}"))
                .isEmpty();
    }

    @Test
    void shouldNotConfuseNullWithAMissingKey() {
        assertThat(match("{\"a\": null}", MatchingRules.empty(), "{}"))
                .containsExactly("$.a: expected null but the key was missing");
        assertThat(match("{\"a\": null}", MatchingRules.empty(), "{\"a\": null}"))
                .isEmpty();
        assertThat(match("{\"a\": \"x\"}", "$.a", MatchingRule.type(), "{\"a\": null}"))
                .containsExactly("$.a: expected a string (like \"x\") but was null");
        assertThat(match("{\"a\": null}", "$.a", MatchingRule.type(), "{\"a\": \"x\"}"))
                .containsExactly("$.a: expected null (like null) but was \"x\"");
    }

    @Test
    void shouldAllowUnexpectedKeysInResponsesButNotInRequests() {
        assertThat(match("{\"a\": 1}", MatchingRules.empty(), "{\"a\": 1, \"b\": 2}"))
                .isEmpty();
        assertThat(RequestsTest.requestBodyMismatches("{\"a\": 1}", MatchingRules.empty(), "{\"a\": 1, \"b\": 2}"))
                .containsExactly("$.b: expected no such key but was 2");
    }

    // ------------------------------------------------------------------------------------------------ type rules

    @Test
    void shouldMatchByTypeAndCascadeToChildren() {
        MatchingRules rules =
                MatchingRules.builder().body("$", MatchingRule.type()).build();

        assertThat(match("{\"a\": {\"b\": \"x\", \"c\": 1}}", rules, "{\"a\": {\"b\": \"y\", \"c\": 2.5}}"))
                .isEmpty();
        assertThat(match("{\"a\": {\"b\": \"x\"}}", rules, "{\"a\": {\"b\": 1}}"))
                .containsExactly("$.a.b: expected a string (like \"x\") but was 1");
    }

    @Test
    void shouldLetTheMostSpecificRuleWinOverACascadedOne() {
        MatchingRules rules = MatchingRules.builder()
                .body("$", MatchingRule.type())
                .body("$.a.id", MatchingRule.equality())
                .body("$.a.*", MatchingRule.regex("\\d+"))
                .build();

        assertThat(match(
                        "{\"a\": {\"id\": 1, \"n\": \"5\", \"c\": \"x\"}}",
                        rules,
                        "{\"a\": {\"id\": 2, \"n\": \"6\", \"c\": \"y\"}}"))
                .containsExactly(
                        "$.a.id: expected 1 but was 2", "$.a.c: expected a string matching /\\d+/ but was \"y\"");
    }

    @Test
    void shouldApplyNestedCascadesDownThroughArraysOfObjects() {
        MatchingRules rules = MatchingRules.builder()
                .body("$.orders", MatchingRule.minType(1))
                .body("$.orders[*].lines", MatchingRule.minType(1))
                .body("$.orders[*].lines[*].qty", MatchingRule.integer())
                .build();
        String expected = "{\"orders\": [{\"id\": \"o1\", \"lines\": [{\"sku\": \"A\", \"qty\": 1}]}]}";

        assertThat(match(
                        expected,
                        rules,
                        "{\"orders\": [{\"id\": \"o2\", \"lines\": [{\"sku\": \"B\", \"qty\": 3}, {\"sku\": \"C\", \"qty\": 4}]},"
                                + " {\"id\": \"o3\", \"lines\": [{\"sku\": \"D\", \"qty\": 5}]}]}"))
                .isEmpty();
        assertThat(match(expected, rules, "{\"orders\": [{\"id\": \"o2\", \"lines\": [{\"sku\": 9, \"qty\": 1.5}]}]}"))
                .containsExactly(
                        "$.orders[0].lines[0].sku: expected a string (like \"A\") but was 9",
                        "$.orders[0].lines[0].qty: expected an integer but was 1.5");
        assertThat(match(expected, rules, "{\"orders\": [{\"id\": \"o2\", \"lines\": []}]}"))
                .containsExactly("$.orders[0].lines: expected an array with at least 1 item but had 0 items");
    }

    @Test
    void shouldRequireTheMinimumOfAnEachLike() {
        MatchingRules rules =
                MatchingRules.builder().body("$.items", MatchingRule.minType(2)).build();
        String expected = "{\"items\": [{\"id\": 1}, {\"id\": 2}]}";

        assertThat(match(expected, rules, "{\"items\": [{\"id\": 7}, {\"id\": 8}, {\"id\": 9}]}"))
                .isEmpty();
        assertThat(match(expected, rules, "{\"items\": [{\"id\": 7}]}"))
                .containsExactly("$.items: expected an array with at least 2 items but had 1 item");
        assertThat(match(expected, rules, "{\"items\": [{\"id\": \"7\"}, {\"id\": 8}]}"))
                .containsExactly("$.items[0].id: expected a number (like 1) but was \"7\"");
    }

    @Test
    void shouldAcceptEmptyArraysWhenTheMinimumIsZero() {
        MatchingRules rules =
                MatchingRules.builder().body("$.items", MatchingRule.minType(0)).build();

        assertThat(match("{\"items\": [{\"id\": 1}]}", rules, "{\"items\": []}"))
                .isEmpty();
    }

    @Test
    void shouldCompareEmptyArraysExactlyWithoutRules() {
        assertThat(match("{\"items\": []}", MatchingRules.empty(), "{\"items\": []}"))
                .isEmpty();
        assertThat(match("{\"items\": []}", MatchingRules.empty(), "{\"items\": [1]}"))
                .containsExactly("$.items: expected an empty array but had 1 item: [1]");
        assertThat(match("{\"items\": []}", "$.items", MatchingRule.type(), "{\"items\": [1, 2]}"))
                .isEmpty();
    }

    @Test
    void shouldCheckTheMaximumAndBothBounds() {
        assertThat(match("{\"a\": [1]}", "$.a", MatchingRule.maxType(2), "{\"a\": [1, 2, 3]}"))
                .containsExactly("$.a: expected an array with at most 2 items but had 3 items");
        assertThat(match("{\"a\": [1]}", "$.a", MatchingRule.minMaxType(2, 3), "{\"a\": [1]}"))
                .containsExactly("$.a: expected an array with at least 2 items but had 1 item");
        assertThat(match("{\"a\": [1]}", "$.a", MatchingRule.minMaxType(2, 3), "{\"a\": [1, 2, 3]}"))
                .isEmpty();
    }

    @Test
    void shouldNotApplyTheSizeOfACascadedMinimumToNestedArrays() {
        MatchingRules rules =
                MatchingRules.builder().body("$.a", MatchingRule.minType(2)).build();

        assertThat(match("{\"a\": [[1, 2], [3, 4]]}", rules, "{\"a\": [[1], [2], [3]]}"))
                .isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ value rules

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "integer | 1     | 42     | ",
                "integer | 1     | -7     | ",
                "integer | 1     | 4.2    | expected an integer but was 4.2",
                "integer | 1     | \"4\"  | expected an integer but was \"4\"",
                "decimal | 1.5   | 4.25   | ",
                "decimal | 1.5   | 4      | expected a decimal number but was 4",
                "number  | 1     | 4.25   | ",
                "number  | 1     | 4      | ",
                "number  | 1     | \"4\"  | expected a number but was \"4\"",
                "number  | 1     | 12345678901234567890123 | ",
                "null    | null  | null   | ",
                "null    | null  | 0      | expected null but was 0",
                "boolean | true  | false  | ",
                "boolean | true  | \"true\" | ",
                "boolean | true  | 1      | expected a boolean but was 1",
                "notEmpty | \"x\" | \"y\" | ",
                "notEmpty | \"x\" | \"\"  | expected a non-empty value but was \"\"",
                "notEmpty | [1]  | []     | expected a non-empty value but was []",
                "notEmpty | {}   | {}     | expected a non-empty value but was {}",
                "notEmpty | 1    | null   | expected a non-empty value but was null",
                "semver  | \"1.0.0\" | \"2.10.3-rc.1+build.5\" | ",
                "semver  | \"1.0.0\" | \"1.2\"  | expected a semantic version (like 1.2.3) but was \"1.2\"",
                "semver  | \"1.0.0\" | 1     | expected a semantic version (like 1.2.3) but was 1"
            })
    void shouldApplyValueRules(String rule, String expected, String actual, String problem) {
        MatchingRule matchingRule = io.pactbroker.core.model.internal.RulesJson.readRule(
                Fixtures.json("{\"match\": \"" + rule + "\"}"), "");

        List<String> mismatches = match("{\"v\": " + expected + "}", "$.v", matchingRule, "{\"v\": " + actual + "}");

        if (problem == null) {
            assertThat(mismatches).isEmpty();
        } else {
            assertThat(mismatches).containsExactly("$.v: " + problem);
        }
    }

    @Test
    void shouldApplyARegexToTheTextOfNumbersAndBooleansButNeverToNull() {
        assertThat(match("{\"v\": 1}", "$.v", MatchingRule.regex("\\d{3}"), "{\"v\": 123}"))
                .isEmpty();
        assertThat(match("{\"v\": true}", "$.v", MatchingRule.regex("true|false"), "{\"v\": false}"))
                .isEmpty();
        assertThat(match("{\"v\": 1}", "$.v", MatchingRule.regex("\\d{3}"), "{\"v\": 12}"))
                .containsExactly("$.v: expected a value matching /\\d{3}/ but was 12");
        assertThat(match("{\"v\": \"x\"}", "$.v", MatchingRule.regex(".*"), "{\"v\": null}"))
                .containsExactly("$.v: expected a string matching /.*/ but was null");
    }

    @Test
    void shouldMatchTheWholeValueWithARegex() {
        assertThat(match("{\"v\": \"a1\"}", "$.v", MatchingRule.regex("\\d"), "{\"v\": \"a1\"}"))
                .hasSize(1);
    }

    @Test
    void shouldReportAnInvalidRegex() {
        assertThat(match("{\"v\": \"a\"}", "$.v", MatchingRule.regex("(unclosed"), "{\"v\": \"a\"}"))
                .singleElement()
                .asString()
                .startsWith("$.v: the regular expression /(unclosed/ is not valid");
    }

    @Test
    void shouldCheckIncludes() {
        assertThat(match(
                        "{\"v\": \"hello world\"}",
                        "$.v",
                        new MatchingRule.Include("world"),
                        "{\"v\": \"brave new world\"}"))
                .isEmpty();
        assertThat(match("{\"v\": \"hello world\"}", "$.v", new MatchingRule.Include("world"), "{\"v\": \"hello\"}"))
                .containsExactly("$.v: expected a string including \"world\" but was \"hello\"");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "date     | yyyy-MM-dd                 | 2024-02-29                    | true",
                "date     | yyyy-MM-dd                 | 29/02/2024                    | false",
                "date     | dd/MM/yyyy                 | 29/02/2024                    | true",
                "date     |                            | 2024-02-29                    | true",
                "time     | HH:mm                      | 23:59                         | true",
                "time     | HH:mm                      | 25:00                         | false",
                "time     |                            | 10:15:30                      | true",
                "datetime | yyyy-MM-dd'T'HH:mm:ssXXX   | 2024-02-29T10:15:30+01:00     | true",
                "datetime | yyyy-MM-dd'T'HH:mm:ssXXX   | 2024-02-29 10:15:30           | false",
                "datetime | yyyy-MM-dd'T'HH:mm:ss.SSSZ | 2024-02-29T10:15:30.123Z      | true",
                "datetime | yyyy-MM-dd'T'HH:mm:ss.SSSZ | 2024-02-29T10:15:30.123+0100  | true",
                "datetime |                            | 2024-02-29T10:15:30.5Z        | true",
                "datetime | EEE, dd MMM yyyy HH:mm:ss zzz | Thu, 29 Feb 2024 10:15:30 GMT | true"
            })
    void shouldCheckDatesAndTimesAgainstTheirFormat(String rule, String format, String value, boolean valid) {
        MatchingRule matchingRule =
                switch (rule) {
                    case "date" -> new MatchingRule.Date(format == null ? "" : format);
                    case "time" -> new MatchingRule.Time(format == null ? "" : format);
                    default -> new MatchingRule.DateTime(format == null ? "" : format);
                };

        List<String> mismatches = match("{\"v\": \"x\"}", "$.v", matchingRule, "{\"v\": \"" + value + "\"}");

        assertThat(mismatches.isEmpty()).as(mismatches.toString()).isEqualTo(valid);
    }

    @Test
    void shouldNameTheFormatWhenADateDoesNotMatch() {
        assertThat(match(
                        "{\"v\": \"2024-01-01\"}", "$.v", new MatchingRule.Date("yyyy-MM-dd"), "{\"v\": \"tomorrow\"}"))
                .singleElement()
                .asString()
                .startsWith("$.v: expected a date in the format 'yyyy-MM-dd' but was \"tomorrow\"");
    }

    @Test
    void shouldDetectTheContentTypeOfBase64Content() {
        String png = java.util.Base64.getEncoder()
                .encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0});

        assertThat(match("{\"v\": \"\"}", "$.v", new MatchingRule.ContentType("image/png"), "{\"v\": \"" + png + "\"}"))
                .isEmpty();
        assertThat(match(
                        "{\"v\": \"\"}",
                        "$.v",
                        new MatchingRule.ContentType("application/pdf"),
                        "{\"v\": \"" + png + "\"}"))
                .containsExactly("$.v: expected content of type application/pdf but it was detected as image/png");
    }

    // ------------------------------------------------------------------------------------------------ combinations

    @Test
    void shouldPassAnOrCombinationWhenOneRulePasses() {
        MatchingRules rules = MatchingRules.builder()
                .body("$.id", RuleList.or(MatchingRule.integer(), new MatchingRule.NullValue()))
                .build();

        assertThat(match("{\"id\": 1}", rules, "{\"id\": null}")).isEmpty();
        assertThat(match("{\"id\": 1}", rules, "{\"id\": 7}")).isEmpty();
        assertThat(match("{\"id\": 1}", rules, "{\"id\": \"7\"}"))
                .containsExactly("$.id: expected an integer but was \"7\"", "$.id: expected null but was \"7\"");
    }

    @Test
    void shouldRequireEveryRuleOfAnAndCombination() {
        MatchingRules rules = MatchingRules.builder()
                .body("$.code", RuleList.and(MatchingRule.regex("[A-Z]+"), new MatchingRule.Include("X")))
                .build();

        assertThat(match("{\"code\": \"AXB\"}", rules, "{\"code\": \"QXZ\"}")).isEmpty();
        assertThat(match("{\"code\": \"AXB\"}", rules, "{\"code\": \"abc\"}")).hasSize(2);
    }

    @Test
    void shouldCombineRulesOnArraysWithOr() {
        MatchingRules rules = MatchingRules.builder()
                .body("$.a", RuleList.or(MatchingRule.maxType(1), MatchingRule.minType(3)))
                .build();

        assertThat(match("{\"a\": [1]}", rules, "{\"a\": [1, 2, 3]}")).isEmpty();
        assertThat(match("{\"a\": [1]}", rules, "{\"a\": [1, 2]}")).hasSize(2);
    }

    // ------------------------------------------------------------------------------------------------ collections

    @Test
    void shouldCompareEveryValueOfAMapWithValues() {
        MatchingRules rules = MatchingRules.builder()
                .body("$.prices", new MatchingRule.Values())
                .body("$.prices.*", MatchingRule.type())
                .build();

        assertThat(match("{\"prices\": {\"A1\": 10}}", rules, "{\"prices\": {\"B2\": 20, \"C3\": 30}}"))
                .isEmpty();
        assertThat(match("{\"prices\": {\"A1\": 10}}", rules, "{\"prices\": {\"B2\": \"20\"}}"))
                .containsExactly("$.prices.B2: expected a number (like 10) but was \"20\"");
    }

    @Test
    void shouldCheckEveryKeyWithEachKey() {
        MatchingRules rules = MatchingRules.builder()
                .body("$.ids", new MatchingRule.EachKey(List.of(MatchingRule.regex("[a-z]+")), Optional.empty()))
                .body("$.ids.*", MatchingRule.type())
                .build();

        assertThat(match("{\"ids\": {\"a\": 1}}", rules, "{\"ids\": {\"b\": 2, \"cd\": 3}}"))
                .isEmpty();
        assertThat(match("{\"ids\": {\"a\": 1}}", rules, "{\"ids\": {\"b\": 2, \"C-1\": 3}}"))
                .containsExactly("$.ids['C-1']: expected the key to be a string matching /[a-z]+/ but was \"C-1\"");
    }

    @Test
    void shouldCheckEveryValueWithEachValue() {
        MatchingRules rules = MatchingRules.builder()
                .body("$.tags", new MatchingRule.EachValue(List.of(MatchingRule.regex("#\\w+")), Optional.empty()))
                .build();

        assertThat(match("{\"tags\": [\"#a\"]}", rules, "{\"tags\": [\"#b\", \"#cde\"]}"))
                .isEmpty();
        assertThat(match("{\"tags\": [\"#a\"]}", rules, "{\"tags\": [\"#b\", \"x\"]}"))
                .containsExactly("$.tags[1]: expected a string matching /#\\w+/ but was \"x\"");
        assertThat(match("{\"tags\": {\"k\": \"#a\"}}", rules, "{\"tags\": {\"other\": \"nope\"}}"))
                .containsExactly("$.tags.other: expected a string matching /#\\w+/ but was \"nope\"");
    }

    @Test
    void shouldFindEachVariantOfArrayContainsAnywhere() {
        MatchingRule contains = new MatchingRule.ArrayContains(List.of(
                new MatchingRule.Variant(
                        0, java.util.Map.of("$.id", RuleList.of(MatchingRule.integer())), java.util.Map.of()),
                new MatchingRule.Variant(1, java.util.Map.of(), java.util.Map.of())));
        String expected = "{\"a\": [{\"type\": \"x\", \"id\": 1}, {\"type\": \"y\"}]}";

        assertThat(match(
                        expected,
                        "$.a",
                        contains,
                        "{\"a\": [{\"type\": \"y\"}, {\"z\": 1}, {\"type\": \"x\", \"id\": 99}]}"))
                .isEmpty();
        assertThat(match(expected, "$.a", contains, "{\"a\": [{\"type\": \"x\", \"id\": 99}]}"))
                .containsExactly(
                        "$.a: expected an array containing an element like {\"type\":\"y\"} but none of its 1 item"
                                + " matched");
    }

    @Test
    void shouldReportAnUnsupportedRuleRatherThanIgnoreIt() {
        MatchingRule unknown =
                new MatchingRule.Unknown("protobuf-thing", Fixtures.json("{\"match\": \"protobuf-thing\"}"));

        assertThat(match("{\"v\": 1}", "$.v", unknown, "{\"v\": 1}"))
                .singleElement()
                .asString()
                .contains("which this implementation does not support");
    }
}
