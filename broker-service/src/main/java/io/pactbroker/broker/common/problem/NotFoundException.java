package io.pactbroker.broker.common.problem;

/** A resource that does not exist: 404. */
public class NotFoundException extends BrokerException {

    public NotFoundException(String message) {
        super(message);
    }

    /** "No pacticipant with name 'Foo' found", as the Pact Broker words it. */
    public NotFoundException(String kind, String name) {
        this("No " + kind + " with name '" + name + "' found");
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not found";
    }

    @Override
    public String type() {
        return "not-found";
    }
}
