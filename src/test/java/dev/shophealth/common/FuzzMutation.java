package dev.shophealth.common;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One change to an endpoint's valid request: the fault a fuzz case is about. {@code target} is the JSON path
 * ({@code buyerContact.compensation.amount}, {@code orders[0].placedAt}, {@code [0].name} in an imported file), the
 * path or query parameter, or the header; {@code variant} picks CSV or JSON for imports and dry runs.
 */
record FuzzMutation(Kind kind, String target, Object value, int variant) {

    enum Kind {
        /** The valid request itself. */
        BASE,
        /** A JSON field (or imported cell) replaced by {@link #value()}, a {@link JsonNode}. */
        FIELD,
        /** A JSON field (or column) left out. */
        REMOVE,
        /** A field (or column) no endpoint knows, added beside {@link #target()}. */
        UNKNOWN_FIELD,
        /** The whole body replaced by a JSON value. */
        BODY,
        /** The whole body and its content type replaced ({@link FuzzBodies.Raw}). */
        RAW,
        /** A path parameter replaced by an encoded value. */
        PATH,
        /** A query parameter set to an encoded value (a name the endpoint does not read, too). */
        QUERY,
        /** A header set to a value, or removed (null). */
        HEADER
    }

    static final String UNKNOWN = "fuzzUnknown";

    static FuzzMutation base(int variant) {
        return new FuzzMutation(Kind.BASE, null, null, variant);
    }

    /** Whether a 400 must name {@link #target()} (or a field inside it) in its {@code errors}. */
    boolean namesAField() {
        return kind != Kind.BASE && kind != Kind.BODY && kind != Kind.RAW;
    }

    /** The name a 400 should give the field at fault: the target, or the unknown field added beside it. */
    String field() {
        if (kind == Kind.UNKNOWN_FIELD) {
            return target.isEmpty() ? UNKNOWN : target + "." + UNKNOWN;
        }
        return target;
    }

    @Override
    public String toString() {
        String shown = value == null ? "null" : value instanceof JsonNode node ? FuzzJson.text(node) : value.toString();
        shown = shown.length() > 80 ? shown.substring(0, 80) + "… (" + shown.length() + " chars)" : shown;
        shown = shown.replace("\u0000", "\\u0000");
        return kind + (target == null ? "" : " " + target) + (kind == Kind.BASE || kind == Kind.REMOVE ? "" : " = " + shown)
                + (variant == 0 ? "" : " [variant " + variant + "]");
    }
}
