package dev.shophealth.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Paths into a JSON document as the API names fields ({@code orders[0].placedAt}): list, set, remove. */
final class FuzzJson {

    /** Writes documents nested deeper than Jackson's default limit of 1000, which the fuzz sends on purpose. */
    private static final com.fasterxml.jackson.databind.ObjectMapper WRITER = new com.fasterxml.jackson.databind.ObjectMapper(
            com.fasterxml.jackson.core.JsonFactory.builder().streamWriteConstraints(
                    com.fasterxml.jackson.core.StreamWriteConstraints.builder().maxNestingDepth(100_000).build()).build());

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private FuzzJson() {
    }

    static byte[] bytes(JsonNode node) {
        try {
            return WRITER.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(JsonNode node) {
        return new String(bytes(node), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Every field and array element below the root, parents before children. */
    static List<String> paths(JsonNode node) {
        List<String> paths = new ArrayList<>();
        collect(node, "", paths);
        return paths;
    }

    /** Every object (the root as ""), where an unknown field may be added. */
    static List<String> objects(JsonNode node) {
        List<String> objects = new ArrayList<>();
        if (node.isObject()) {
            objects.add("");
        }
        paths(node).stream().filter(p -> at(node, p).isObject()).forEach(objects::add);
        return objects;
    }

    private static void collect(JsonNode node, String prefix, List<String> paths) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                paths.add(path);
                collect(field.getValue(), path, paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String path = prefix + "[" + i + "]";
                paths.add(path);
                collect(node.get(i), path, paths);
            }
        }
    }

    static JsonNode at(JsonNode root, String path) {
        JsonNode at = root;
        for (Object segment : segments(path)) {
            at = segment instanceof Integer i ? at.path(i) : at.path((String) segment);
        }
        return at;
    }

    /** Sets the field or element at {@code path}; the parent must exist. */
    static void set(JsonNode root, String path, JsonNode value) {
        List<Object> segments = segments(path);
        JsonNode parent = at(root, join(segments.subList(0, segments.size() - 1)));
        Object last = segments.get(segments.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    static void remove(JsonNode root, String path) {
        List<Object> segments = segments(path);
        JsonNode parent = at(root, join(segments.subList(0, segments.size() - 1)));
        Object last = segments.get(segments.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).remove(i.intValue());
        } else {
            ((ObjectNode) parent).remove((String) last);
        }
    }

    /** The last name in a path, without indexes: {@code placedAt} of {@code orders[0].placedAt}. */
    static String leaf(String path) {
        List<Object> segments = segments(path);
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (segments.get(i) instanceof String name) {
                return name;
            }
        }
        return path;
    }

    private static List<Object> segments(String path) {
        List<Object> segments = new ArrayList<>();
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            segments.add(m.group(1) != null ? m.group(1) : Integer.valueOf(m.group(2)));
        }
        return segments;
    }

    private static String join(List<Object> segments) {
        StringBuilder path = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer i) {
                path.append('[').append(i).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(s);
            }
        }
        return path.toString();
    }
}
