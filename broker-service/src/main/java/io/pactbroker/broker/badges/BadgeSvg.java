package io.pactbroker.broker.badges;

/**
 * Draws a two-part badge ("label | message") as SVG, in the flat style README badges use, without calling any outside
 * service. Text widths are estimated from per-character widths of an 11px sans-serif font.
 */
public final class BadgeSvg {

    /** The colours of badges, by the names the Pact Broker uses. */
    public enum Colour {
        BRIGHTGREEN("#4c1"),
        RED("#e05d44"),
        ORANGE("#fe7d37"),
        LIGHTGREY("#9f9f9f");

        private final String hex;

        Colour(String hex) {
            this.hex = hex;
        }

        public String hex() {
            return hex;
        }
    }

    private static final int PADDING = 6;

    private BadgeSvg() {}

    /** The badge, preceded by an XML comment (which versions it is about, for instance) when one is given. */
    public static String render(String label, String message, Colour colour, String comment) {
        int left = width(label) + 2 * PADDING;
        int right = width(message) + 2 * PADDING;
        int total = left + right;
        String l = escape(label);
        String m = escape(message);
        StringBuilder svg = new StringBuilder();
        if (comment != null) {
            svg.append("<!-- ").append(comment.replace("--", "- -")).append(" -->\n");
        }
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(total)
                .append("\" height=\"20\" role=\"img\" aria-label=\"")
                .append(l)
                .append(": ")
                .append(m)
                .append("\">")
                .append("<title>")
                .append(l)
                .append(": ")
                .append(m)
                .append("</title>")
                .append("<linearGradient id=\"shade\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\""
                        + " stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>")
                .append("<clipPath id=\"round\"><rect width=\"")
                .append(total)
                .append("\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>")
                .append("<g clip-path=\"url(#round)\"><rect width=\"")
                .append(left)
                .append("\" height=\"20\" fill=\"#555\"/><rect x=\"")
                .append(left)
                .append("\" width=\"")
                .append(right)
                .append("\" height=\"20\" fill=\"")
                .append(colour.hex())
                .append("\"/><rect width=\"")
                .append(total)
                .append("\" height=\"20\" fill=\"url(#shade)\"/></g>")
                .append("<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\""
                        + " font-size=\"11\">");
        text(svg, left / 2.0, l);
        text(svg, left + right / 2.0, m);
        svg.append("</g></svg>");
        return svg.toString();
    }

    private static void text(StringBuilder svg, double x, String text) {
        String position = String.format(java.util.Locale.ROOT, "%.1f", x);
        svg.append("<text x=\"")
                .append(position)
                .append("\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\">")
                .append(text)
                .append("</text><text x=\"")
                .append(position)
                .append("\" y=\"14\">")
                .append(text)
                .append("</text>");
    }

    /** The estimated width of the text in pixels. */
    static int width(String text) {
        double width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += charWidth(text.charAt(i));
        }
        return (int) Math.ceil(width);
    }

    private static double charWidth(char c) {
        if ("iljI.,:;'|!`".indexOf(c) >= 0) {
            return 3.5;
        }
        if (c == ' ' || "ftr()[]{}/\\-".indexOf(c) >= 0) {
            return 4.5;
        }
        if ("mwMW".indexOf(c) >= 0) {
            return 10.5;
        }
        if (Character.isUpperCase(c)) {
            return 7.5;
        }
        if (Character.isDigit(c)) {
            return 7.0;
        }
        return c < 0x80 ? 6.6 : 8.0;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
