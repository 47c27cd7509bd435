package io.pactbroker.core.generators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples of pact-jvm's and the Rust implementation's documentation, from a base of 2000-01-01T10:00Z. */
class DateExpressionsTest {

    private static final ZonedDateTime BASE = ZonedDateTime.of(2000, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''                                 | 2000-01-01T10:00Z",
                "now                                | 2000-01-01T10:00Z",
                "today                              | 2000-01-01T10:00Z",
                "yesterday                          | 1999-12-31T10:00Z",
                "tomorrow                           | 2000-01-02T10:00Z",
                "+ 1 day                            | 2000-01-02T10:00Z",
                "+ 1 week                           | 2000-01-08T10:00Z",
                "- 2 weeks                          | 1999-12-18T10:00Z",
                "+ 4 years                          | 2004-01-01T10:00Z",
                "tomorrow+ 4 years                  | 2004-01-02T10:00Z",
                "next week                          | 2000-01-08T10:00Z",
                "last month                         | 1999-12-01T10:00Z",
                "next fortnight                     | 2000-01-15T10:00Z",
                "next monday                        | 2000-01-03T10:00Z",
                "last wednesday                     | 1999-12-29T10:00Z",
                "next mon                           | 2000-01-03T10:00Z",
                "last december                      | 1999-12-01T10:00Z",
                "next jan                           | 2001-01-01T10:00Z",
                "next june + 2 weeks                | 2000-06-15T10:00Z",
                "last mon + 2 weeks                 | 2000-01-10T10:00Z",
                "+ 1 day - 2 weeks                  | 1999-12-19T10:00Z",
                "last december + 2 weeks + 4 days   | 1999-12-19T10:00Z",
                "Today + 2 Weeks                    | 2000-01-15T10:00Z"
            })
    void shouldApplyDateExpressions(String expression, String expected) {
        assertThat(DateExpressions.dateTime(BASE, expression)).isEqualTo(ZonedDateTime.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "@ now                                             | 2000-01-01T10:00Z",
                "@ midnight                                        | 2000-01-01T00:00Z",
                "@ noon                                            | 2000-01-01T12:00Z",
                "@ 2 o'clock                                       | 2000-01-01T14:00Z",
                "@ 12 o'clock am                                   | 2000-01-01T12:00Z",
                "@ 1 o'clock pm                                    | 2000-01-01T13:00Z",
                "@ + 1 hour                                        | 2000-01-01T11:00Z",
                "@ - 2 minutes                                     | 2000-01-01T09:58Z",
                "@ + 4 seconds                                     | 2000-01-01T10:00:04Z",
                "@ + 4 milliseconds                                | 2000-01-01T10:00:00.004Z",
                "@ midnight+ 4 minutes                             | 2000-01-01T00:04Z",
                "@ next hour                                       | 2000-01-01T11:00Z",
                "@ last minute                                     | 2000-01-01T09:59Z",
                "@ now + 2 hours - 4 minutes                       | 2000-01-01T11:56Z",
                "@  + 2 hours - 4 minutes                          | 2000-01-01T11:56Z",
                "today @ 1 o'clock                                 | 2000-01-01T13:00Z",
                "yesterday @ midnight                              | 1999-12-31T00:00Z",
                "yesterday @ midnight - 1 hour                     | 1999-12-30T23:00Z",
                "tomorrow @ now                                    | 2000-01-02T10:00Z",
                "+ 1 day @ noon                                    | 2000-01-02T12:00Z",
                "+ 1 week @ +1 hour                                | 2000-01-08T11:00Z",
                "- 2 weeks @ now + 1 hour                          | 1999-12-18T11:00Z",
                "+ 4 years @ midnight                              | 2004-01-01T00:00Z",
                "tomorrow+ 4 years @ 3 o'clock + 40 milliseconds   | 2004-01-02T15:00:00.040Z",
                "next week @ next hour                             | 2000-01-08T11:00Z",
                "last month @ last hour                            | 1999-12-01T09:00Z",
                "today + 2 weeks @ 10 o'clock am                   | 2000-01-15T10:00Z"
            })
    void shouldApplyTimeAndDateTimeExpressions(String expression, String expected) {
        assertThat(DateExpressions.dateTime(BASE, expression)).isEqualTo(ZonedDateTime.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "not valid              | expected '+', '-', 'next' or 'last' but found 'not'",
                "+ 1 fortnite           | expected a unit (day, week, month or year) but found 'fortnite'",
                "+ day                  | expected a number but found 'day'",
                "next blursday          | after 'next' but found 'blursday'",
                "@ 13 o'clock           | expected an hour from 1 to 12 but found 13",
                "@ + 1 day              | expected a unit (hour, minute, second or millisecond) but found 'day'",
                "today!                 | unexpected '!'"
            })
    void shouldSayWhatIsWrongWithAnExpression(String expression, String problem) {
        assertThatThrownBy(() -> DateExpressions.dateTime(BASE, expression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
    }
}
