package io.pactbroker.broker.common.hal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One HAL link. Absent members are left out of the JSON. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"title", "name", "href", "templated"})
public record Link(String href, String title, String name, Boolean templated) {

    public static Link of(String href) {
        return new Link(href, null, null, null);
    }

    public static Link of(String href, String title) {
        return new Link(href, title, null, null);
    }

    public static Link of(String href, String title, String name) {
        return new Link(href, title, name, null);
    }

    public static Link templated(String href, String title) {
        return new Link(href, title, null, true);
    }
}
