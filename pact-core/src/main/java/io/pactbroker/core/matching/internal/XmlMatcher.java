package io.pactbroker.core.matching.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.matching.Mismatch;
import io.pactbroker.core.model.MatchingRule;
import io.pactbroker.core.model.RuleList;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Compares XML documents with the JDK's DOM: elements by qualified name (namespace URI and local name, so prefixes do
 * not matter), then attributes ({@code $.a['@name']}), child elements grouped by name ({@code $.a.b}, no index) and
 * text ({@code $.a.#text}).
 */
public final class XmlMatcher {

    private static final String XMLNS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;

    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(XmlMatcher::newBuilder);

    private XmlMatcher() {}

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be configured securely", e);
        }
    }

    /** Parses XML, or says why it cannot. */
    static Document parse(byte[] data) throws IOException, SAXException {
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        return builder.parse(new ByteArrayInputStream(data));
    }

    public static List<Mismatch> match(byte[] expectedBytes, byte[] actualBytes, RuleContext rules) {
        // XML paths carry no indexes: repeated elements share a path. An index wildcard in a rule path has nothing to
        // match, so it is passed over ($.animals[*].alligator is read as $.animals.alligator).
        RuleContext context = rules.withoutIndexWildcards();
        List<Mismatch> out = new ArrayList<>();
        Document expected = null;
        Document actual = null;
        try {
            expected = parse(expectedBytes);
        } catch (IOException | SAXException e) {
            out.add(body("$", null, "", "", "the expected body is not valid XML: " + e.getMessage()));
        }
        try {
            actual = parse(actualBytes);
        } catch (IOException | SAXException e) {
            out.add(body("$", null, "", "", "the actual body is not valid XML: " + e.getMessage()));
        }
        if (expected == null || actual == null) {
            return out;
        }
        Element expectedRoot = expected.getDocumentElement();
        Element actualRoot = actual.getDocumentElement();
        compareElement(Loc.root().field(name(expectedRoot)), expectedRoot, actualRoot, context, out);
        return out;
    }

    static String name(Node node) {
        String local = node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
        String namespace = node.getNamespaceURI();
        return namespace == null || namespace.isEmpty() ? local : namespace + ":" + local;
    }

    private static Mismatch body(String path, MatchingRule rule, String expected, String actual, String description) {
        return new Mismatch(Mismatch.Kind.BODY, path, Optional.ofNullable(rule), expected, actual, description);
    }

    private static void compareElement(
            Loc loc, Element expected, Element actual, RuleContext context, List<Mismatch> out) {
        List<Mismatch> failures = new ArrayList<>();
        if (context.matcherIsDefined(loc)) {
            RuleContext.Selected selected = context.select(loc);
            boolean passed = selected.rules().logic() == RuleList.RuleLogic.AND;
            List<Mismatch> ruleFailures = new ArrayList<>();
            for (MatchingRule rule : selected.rules().rules()) {
                String failure = elementRule(rule, expected, actual, selected.cascaded());
                if (failure == null && selected.rules().logic() == RuleList.RuleLogic.OR) {
                    passed = true;
                } else if (failure != null) {
                    ruleFailures.add(body(loc.rendered(), rule, name(expected), name(actual), failure));
                }
            }
            if (!(passed && selected.rules().logic() == RuleList.RuleLogic.OR)) {
                failures.addAll(ruleFailures);
            }
        } else if (!name(expected).equals(name(actual))) {
            failures.add(body(
                    loc.rendered(),
                    null,
                    name(expected),
                    name(actual),
                    "expected element <" + name(expected) + "> but was <" + name(actual) + ">"));
        }
        if (!failures.isEmpty()) {
            out.addAll(failures);
            return;
        }
        compareAttributes(loc, expected, actual, context, out);
        compareChildren(loc, expected, actual, context, out);
        compareText(loc, expected, actual, context, out);
    }

    private static String elementRule(MatchingRule rule, Element expected, Element actual, boolean cascaded) {
        int children = childCount(actual);
        if (rule instanceof MatchingRule.Type || rule instanceof MatchingRule.Equality) {
            return sameName(expected, actual);
        }
        if (rule instanceof MatchingRule.MinType min) {
            String name = sameName(expected, actual);
            if (name != null) {
                return name;
            }
            return !cascaded && children < min.min()
                    ? "expected <" + name(actual) + "> to have at least " + min.min() + " children but it had "
                            + children
                    : null;
        }
        if (rule instanceof MatchingRule.MaxType max) {
            String name = sameName(expected, actual);
            if (name != null) {
                return name;
            }
            return !cascaded && children > max.max()
                    ? "expected <" + name(actual) + "> to have at most " + max.max() + " children but it had "
                            + children
                    : null;
        }
        if (rule instanceof MatchingRule.MinMaxType minMax) {
            String name = sameName(expected, actual);
            if (name != null) {
                return name;
            }
            if (!cascaded && children < minMax.min()) {
                return "expected <" + name(actual) + "> to have at least " + minMax.min() + " children but it had "
                        + children;
            }
            return !cascaded && children > minMax.max()
                    ? "expected <" + name(actual) + "> to have at most " + minMax.max() + " children but it had "
                            + children
                    : null;
        }
        if (rule instanceof MatchingRule.NotEmpty) {
            return actual.hasChildNodes() ? null : "expected <" + name(actual) + "> to have content but it was empty";
        }
        if (rule.isValuesRule() || rule instanceof MatchingRule.EachKey) {
            return null;
        }
        if (cascaded
                && (!(rule instanceof MatchingRule.Regex) || !elements(actual).isEmpty())) {
            // Inherited value rules reach the leaves (elements holding only text), not the elements around them.
            return null;
        }
        // A value rule (a regular expression, a number, a date...) on an element applies to the element's text.
        JsonNode expectedText = Json.NODES.textNode(text(expected));
        JsonNode actualText = Json.NODES.textNode(text(actual));
        return ValueRules.check(rule, expectedText, actualText, false, true);
    }

    /** Child elements and pieces of text (as the Rust and JVM implementations count an element's children). */
    private static int childCount(Element element) {
        int count = 0;
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element
                    || ((child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)
                            && !child.getNodeValue().isBlank())) {
                count++;
            }
        }
        return count;
    }

    private static String sameName(Element expected, Element actual) {
        return name(expected).equals(name(actual))
                ? null
                : "expected element <" + name(expected) + "> but was <" + name(actual) + ">";
    }

    private static Map<String, String> attributes(Element element) {
        Map<String, String> map = new TreeMap<>();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (XMLNS.equals(attribute.getNamespaceURI()) || attribute.getName().startsWith("xmlns")) {
                continue;
            }
            map.put(name(attribute), attribute.getValue());
        }
        return map;
    }

    private static void compareAttributes(
            Loc loc, Element expected, Element actual, RuleContext context, List<Mismatch> out) {
        Map<String, String> expectedAttributes = attributes(expected);
        Map<String, String> actualAttributes = attributes(actual);
        expectedAttributes.forEach((name, value) -> {
            Loc at = loc.field("@" + name);
            String actualValue = actualAttributes.get(name);
            if (actualValue == null) {
                out.add(body(
                        at.rendered(),
                        null,
                        value,
                        "",
                        "expected attribute " + name + "=\"" + value + "\" but it was missing"));
            } else {
                compareText(at, value, actualValue, context, out);
            }
        });
        if (!context.allowUnexpectedKeys()) {
            actualAttributes.forEach((name, value) -> {
                if (!expectedAttributes.containsKey(name)) {
                    out.add(body(
                            loc.field("@" + name).rendered(),
                            null,
                            "",
                            value,
                            "expected no such attribute but was " + name + "=\"" + value + "\""));
                }
            });
        }
    }

    private static List<Element> elements(Element parent) {
        List<Element> list = new ArrayList<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element) {
                list.add(element);
            }
        }
        return list;
    }

    private static Map<String, List<Element>> byName(List<Element> elements) {
        Map<String, List<Element>> map = new TreeMap<>();
        for (Element element : elements) {
            map.computeIfAbsent(name(element), n -> new ArrayList<>()).add(element);
        }
        return map;
    }

    private static void compareChildren(
            Loc loc, Element expected, Element actual, RuleContext context, List<Mismatch> out) {
        List<Element> expectedChildren = elements(expected);
        List<Element> actualChildren = elements(actual);
        if (expectedChildren.isEmpty() && !actualChildren.isEmpty() && !context.allowUnexpectedKeys()) {
            out.add(body(
                    loc.rendered(),
                    null,
                    "",
                    names(actualChildren),
                    "expected no child elements but had " + names(actualChildren)));
            return;
        }
        Map<String, List<Element>> expectedByName = byName(expectedChildren);
        Map<String, List<Element>> actualByName = byName(actualChildren);
        actualByName.forEach((name, group) -> {
            Loc at = loc.field(name);
            List<Element> expectedGroup = expectedByName.remove(name);
            if (expectedGroup != null) {
                if (context.typeMatcherDefined(at)) {
                    for (Element child : group) {
                        compareElement(at, expectedGroup.get(0), child, context, out);
                    }
                } else {
                    int length = Math.max(expectedGroup.size(), group.size());
                    for (int i = 0; i < length; i++) {
                        if (i >= expectedGroup.size()) {
                            if (!context.allowUnexpectedKeys()) {
                                out.add(body(
                                        at.rendered(),
                                        null,
                                        "",
                                        "<" + name + "/>",
                                        "expected " + expectedGroup.size() + " <" + name + "/> element(s) but had "
                                                + group.size()));
                                break;
                            }
                        } else if (i >= group.size()) {
                            out.add(body(
                                    at.rendered(),
                                    null,
                                    "<" + name + "/>",
                                    "",
                                    "expected " + expectedGroup.size() + " <" + name + "/> element(s) but had "
                                            + group.size()));
                            break;
                        } else {
                            compareElement(at, expectedGroup.get(i), group.get(i), context, out);
                        }
                    }
                }
            } else if (!context.allowUnexpectedKeys() || context.typeMatcherDefined(at)) {
                out.add(body(
                        at.rendered(),
                        null,
                        "",
                        "<" + name + "/>",
                        "expected no <" + name + "/> element but there was one"));
            }
        });
        expectedByName.forEach((name, group) -> out.add(body(
                loc.field(name).rendered(),
                null,
                "<" + name + "/>",
                "",
                "expected a <" + name + "/> element but it was missing")));
    }

    private static String names(List<Element> elements) {
        StringBuilder out = new StringBuilder();
        for (Element element : elements) {
            out.append('<').append(name(element)).append("/>");
        }
        return out.toString();
    }

    /** The element's own text: its text and CDATA children, each trimmed, joined. */
    static String text(Element element) {
        StringBuilder out = new StringBuilder();
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                out.append(child.getNodeValue().trim());
            }
        }
        return out.toString();
    }

    private static void compareText(
            Loc loc, Element expected, Element actual, RuleContext context, List<Mismatch> out) {
        compareText(loc.field("#text"), text(expected), text(actual), context, out);
    }

    private static void compareText(Loc at, String expected, String actual, RuleContext context, List<Mismatch> out) {
        JsonNode expectedNode = Json.NODES.textNode(expected);
        JsonNode actualNode = Json.NODES.textNode(actual);
        if (context.matcherIsDefined(at)) {
            out.addAll(JsonMatcher.applyRules(at, context.select(at), expectedNode, actualNode, true));
        } else if (!expected.equals(actual)) {
            out.add(body(
                    at.rendered(),
                    null,
                    expected,
                    actual,
                    "expected " + Describe.quoted(expected) + " but was " + Describe.quoted(actual)));
        }
    }
}
