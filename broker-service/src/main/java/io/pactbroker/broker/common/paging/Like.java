package io.pactbroker.broker.common.paging;

import java.util.Locale;

/** Search terms for {@code LIKE ... ESCAPE '\'}: the user's text, lower-cased, matched anywhere, wildcards literal. */
public final class Like {

    private Like() {}

    /** {@code %term%} with {@code %}, {@code _} and {@code \} in the term escaped. */
    public static String contains(String term) {
        return "%"
                + term.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
    }
}
