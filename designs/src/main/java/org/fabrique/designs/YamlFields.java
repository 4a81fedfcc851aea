package org.fabrique.designs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML mapping field by field, recording a problem (field path, what is wrong, line
 * and column) for anything missing, mistyped, duplicated or unknown, and returning a neutral
 * value so reading can go on and report every problem at once.
 */
final class YamlFields {

    private final String path;
    private final Node owner;
    private final List<String> problems;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Map<String, Node> keyNodes = new LinkedHashMap<>();
    private final boolean absent;

    private YamlFields(String path, Node owner, List<String> problems, boolean absent) {
        this.path = path;
        this.owner = owner;
        this.problems = problems;
        this.absent = absent;
    }

    /** The fields of {@code node}, which must be a mapping; otherwise a problem and no fields. */
    static YamlFields of(Node node, String path, List<String> problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(describe(path, "expected a mapping, found " + kind(node), node));
            return new YamlFields(path, node, problems, true);
        }
        YamlFields fields = new YamlFields(path, node, problems, false);
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                problems.add(describe(path, "keys must be plain names, found " + kind(keyNode), keyNode));
                continue;
            }
            String key = scalarKey.getValue();
            if (fields.values.containsKey(key)) {
                problems.add(describe(join(path, key), "duplicate field", keyNode));
                continue;
            }
            fields.values.put(key, tuple.getValueNode());
            fields.keyNodes.put(key, keyNode);
        }
        return fields;
    }

    String path() {
        return path;
    }

    /** The keys in document order, for mappings whose keys are data (part names, materials). */
    List<String> keys() {
        return List.copyOf(values.keySet());
    }

    /** The raw value of a field known to be present (see {@link #keys()}). */
    Node node(String key) {
        return values.get(key);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String text(String key) {
        Node node = required(key);
        return node == null ? "" : text(node, join(path, key), problems);
    }

    long integer(String key) {
        Node node = required(key);
        return node == null ? 0 : integer(node, join(path, key), problems);
    }

    int smallInteger(String key) {
        long value = integer(key);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            problems.add(describe(join(path, key), "value " + value + " is out of range", values.get(key)));
            return 0;
        }
        return (int) value;
    }

    /** An optional integer field, or {@code fallback} when absent. */
    int smallInteger(String key, int fallback) {
        return has(key) ? smallInteger(key) : fallback;
    }

    double number(String key) {
        Node node = required(key);
        return node == null ? 0 : number(node, join(path, key), problems);
    }

    boolean bool(String key) {
        Node node = required(key);
        if (node == null) {
            return false;
        }
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(normaliseBoolean(scalar.getValue()));
        }
        problems.add(describe(join(path, key), "expected true or false, found " + kind(node), node));
        return false;
    }

    YamlFields mapping(String key) {
        Node node = required(key);
        return node == null ? new YamlFields(join(path, key), owner, problems, true) : of(node, join(path, key), problems);
    }

    /** An optional mapping field, or null when absent. */
    YamlFields optionalMapping(String key) {
        return has(key) ? mapping(key) : null;
    }

    /** Reads every element of a sequence field with {@code reader(node, elementPath)}. */
    <T> List<T> list(String key, BiFunction<Node, String, T> reader) {
        Node node = required(key);
        if (node == null) {
            return List.of();
        }
        String listPath = join(path, key);
        if (!(node instanceof SequenceNode sequence)) {
            problems.add(describe(listPath, "expected a list, found " + kind(node), node));
            return List.of();
        }
        List<T> result = new ArrayList<>();
        List<Node> elements = sequence.getValue();
        for (int i = 0; i < elements.size(); i++) {
            result.add(reader.apply(elements.get(i), listPath + "[" + i + "]"));
        }
        return result;
    }

    List<String> texts(String key) {
        return list(key, (node, elementPath) -> text(node, elementPath, problems));
    }

    /** Reports every field not in {@code known}; call once all fields were read. */
    void rejectUnknown(String... known) {
        List<String> allowed = List.of(known);
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                problems.add(describe(join(path, key), "unknown field (known fields: " + String.join(", ", allowed) + ")", keyNodes.get(key)));
            }
        }
    }

    private Node required(String key) {
        if (absent) {
            return null;
        }
        Node node = values.get(key);
        if (node == null) {
            Mark mark = owner == null ? null : owner.getStartMark();
            problems.add(join(path, key) + ": missing" + (mark == null ? "" : " from the mapping at line " + (mark.getLine() + 1)));
        }
        return node;
    }

    static String text(Node node, String path, List<String> problems) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getTag().equals(Tag.NULL) ? "" : scalar.getValue();
        }
        problems.add(describe(path, "expected a text, found " + kind(node), node));
        return "";
    }

    static long integer(Node node, String path, List<String> problems) {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
            try {
                return Long.parseLong(scalar.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                problems.add(describe(path, "integer " + scalar.getValue() + " is not a decimal integer in range", node));
                return 0;
            }
        }
        problems.add(describe(path, "expected an integer, found " + kind(node), node));
        return 0;
    }

    static double number(Node node, String path, List<String> problems) {
        if (node instanceof ScalarNode scalar && (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT))) {
            try {
                return new BigDecimal(scalar.getValue().replace("_", "")).doubleValue();
            } catch (NumberFormatException e) {
                problems.add(describe(path, "number " + scalar.getValue() + " is not a plain decimal number", node));
                return 0;
            }
        }
        problems.add(describe(path, "expected a number, found " + kind(node), node));
        return 0;
    }

    /** A scalar parameter value: integer, decimal, boolean or text. */
    static Object scalar(Node node, String path, List<String> problems) {
        if (node instanceof ScalarNode scalar) {
            Tag tag = scalar.getTag();
            if (tag.equals(Tag.INT)) {
                return integer(node, path, problems);
            }
            if (tag.equals(Tag.FLOAT)) {
                return number(node, path, problems);
            }
            if (tag.equals(Tag.BOOL)) {
                return Boolean.parseBoolean(normaliseBoolean(scalar.getValue()));
            }
            if (tag.equals(Tag.STR)) {
                return scalar.getValue();
            }
        }
        problems.add(describe(path, "expected a number, true/false or a text, found " + kind(node), node));
        return "";
    }

    private static String normaliseBoolean(String yamlBoolean) {
        return switch (yamlBoolean.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "y" -> "true";
            default -> "false";
        };
    }

    static String describe(String path, String message, Node node) {
        String where = node == null ? "" : position(node.getStartMark());
        return (path.isEmpty() ? "" : path + ": ") + message + where;
    }

    static String position(Mark mark) {
        return mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof ScalarNode scalar) {
            if (scalar.getTag().equals(Tag.NULL)) {
                return "nothing";
            }
            return "\"" + abbreviate(scalar.getValue()) + "\"";
        }
        return "nothing";
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }

    static String listOf(List<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining(", "));
    }
}
