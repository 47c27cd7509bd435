package io.pactbroker.consumer;

import java.util.function.Consumer;

/**
 * A synchronous message exchange (V4): the request message the consumer sends and the response(s) it gets back.
 *
 * <pre>{@code
 * exchange -> exchange
 *     .request(m -> m.content(b -> b.string("sku", "A1")))
 *     .response(m -> m.content(b -> b.decimal("price", 9.99)))
 * }</pre>
 */
public interface SyncMessageBuilder {

    /** The request message. */
    SyncMessageBuilder request(Consumer<MessageBuilder> request);

    /** A response message (call again for several). */
    SyncMessageBuilder response(Consumer<MessageBuilder> response);

    /** A V4 comment. */
    SyncMessageBuilder comment(String text);

    /** Marks the exchange pending (V4). */
    SyncMessageBuilder pending();
}
