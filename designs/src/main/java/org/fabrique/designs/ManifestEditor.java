package org.fabrique.designs;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Rewrites chosen scalar values of a YAML document in place, by their position in the text, so
 * that everything else (comments, layout, hand-written fields) stays byte for byte as it was.
 * The fields must already exist: a new design starts with placeholder values. The document is
 * read with the same limits as {@link DesignManifests#parse}.
 */
public final class ManifestEditor {

    private record Edit(int start, int end, String replacement) {}

    private final String text;
    private final String sourceName;
    private final Node root;
    private final List<Edit> edits = new ArrayList<>();

    public ManifestEditor(String text, String sourceName) throws DesignLibraryException {
        this.text = text;
        this.sourceName = sourceName;
        this.root = DesignManifests.compose(new StringReader(text), sourceName);
    }

    /**
     * Replaces the scalar at {@code path} (mapping keys as strings, list indices as integers)
     * with {@code yamlValue}, which must be a valid YAML scalar as written.
     */
    public ManifestEditor set(String yamlValue, Object... path) {
        Node node = root;
        StringBuilder where = new StringBuilder();
        for (Object step : path) {
            where.append(step instanceof Integer i ? "[" + i + "]" : (where.length() == 0 ? "" : ".") + step);
            node = child(node, step, where);
        }
        if (!(node instanceof ScalarNode)) {
            throw new IllegalArgumentException(sourceName + ": " + where + ": expected a single value to replace");
        }
        edits.add(new Edit(charIndex(node.getStartMark().getIndex()), charIndex(node.getEndMark().getIndex()), yamlValue));
        return this;
    }

    /** The document with every replacement applied. */
    public String text() {
        StringBuilder result = new StringBuilder(text);
        edits.stream()
                .sorted(Comparator.comparingInt(Edit::start).reversed())
                .forEach(edit -> result.replace(edit.start(), edit.end(), edit.replacement()));
        return result.toString();
    }

    private Node child(Node node, Object step, CharSequence where) {
        if (step instanceof Integer index && node instanceof SequenceNode sequence && index < sequence.getValue().size()) {
            return sequence.getValue().get(index);
        }
        if (step instanceof String key && node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return tuple.getValueNode();
                }
            }
        }
        throw new IllegalArgumentException(sourceName + ": " + where
                + ": missing; add it with a placeholder value and run the regeneration again");
    }

    /** SnakeYAML counts code points; Java strings count UTF-16 units. */
    private int charIndex(int codePointIndex) {
        return text.offsetByCodePoints(0, codePointIndex);
    }
}
