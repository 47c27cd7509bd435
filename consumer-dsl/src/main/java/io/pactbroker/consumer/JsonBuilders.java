package io.pactbroker.consumer;

import java.util.function.Consumer;

/** The implementations of the JSON builders: each collects a {@link Fragments.Composite}. */
final class JsonBuilders {

    private JsonBuilders() {}

    static Matcher object(Consumer<JsonObjectBuilder> definition) {
        Fragments.Composite composite = new Fragments.Composite(Fragments.NODES.objectNode());
        definition.accept(new JsonObjectBuilder() {
            @Override
            public JsonObjectBuilder field(String name, Object valueOrMatcher) {
                if (name == null) {
                    throw new IllegalArgumentException("a field name must not be null");
                }
                composite.put(name, Fragments.of(valueOrMatcher));
                return this;
            }

            @Override
            public String toString() {
                return composite.node.toString();
            }
        });
        return composite.toMatcher();
    }

    static Matcher array(Consumer<JsonArrayBuilder> definition) {
        Fragments.Composite composite = new Fragments.Composite(Fragments.NODES.arrayNode());
        definition.accept(new JsonArrayBuilder() {
            @Override
            public JsonArrayBuilder add(Object valueOrMatcher) {
                composite.add(Fragments.of(valueOrMatcher));
                return this;
            }

            @Override
            public String toString() {
                return composite.node.toString();
            }
        });
        return composite.toMatcher();
    }
}
