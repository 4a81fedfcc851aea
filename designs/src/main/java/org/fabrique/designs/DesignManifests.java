package org.fabrique.designs;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.designs.DesignManifest.Bounds;
import org.fabrique.designs.DesignManifest.Estimates;
import org.fabrique.designs.DesignManifest.Instructions;
import org.fabrique.designs.DesignManifest.LocalizedText;
import org.fabrique.designs.DesignManifest.Measure;
import org.fabrique.designs.DesignManifest.Part;
import org.fabrique.designs.DesignManifest.PartEstimate;
import org.fabrique.designs.DesignManifest.Point;
import org.fabrique.designs.DesignManifest.PrintProfile;
import org.fabrique.designs.DesignManifest.QcItem;
import org.fabrique.designs.DesignManifest.Source;
import org.fabrique.designs.DesignManifest.Temperatures;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a manifest written in YAML or JSON. Structure is checked here (every field present,
 * of the right type, no unknown or duplicate field); values are checked by
 * {@link DesignManifestValidator}. Only the YAML node tree is built, never arbitrary objects.
 */
public final class DesignManifests {

    /** Manifests are small; reading stops with a refusal beyond this many characters. */
    public static final int MAX_CHARACTERS = 1 << 20;

    static final String[] ROOT_FIELDS = {
        "slug", "version", "status", "category", "license", "authors", "title", "description", "materials",
        "itemsPerPrint", "parts", "printProfile", "estimates", "qcChecklist", "aql", "instructions", "preview",
        "medicalDisclaimer"
    };

    private DesignManifests() {}

    /**
     * Parses a manifest.
     *
     * @param yamlOrJson the manifest text, UTF-8
     * @param sourceName how to name the input in problems, e.g. {@code syringe-pump/design.yaml}
     * @throws DesignLibraryException listing every structural problem with its field and line
     */
    public static DesignManifest parse(InputStream yamlOrJson, String sourceName) throws DesignLibraryException {
        return parse(new InputStreamReader(yamlOrJson, StandardCharsets.UTF_8), sourceName);
    }

    public static DesignManifest parse(Path file, String sourceName) throws DesignLibraryException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, sourceName);
        } catch (IOException e) {
            throw new DesignLibraryException(sourceName, "cannot read the manifest: " + e.getMessage());
        }
    }

    static DesignManifest parse(Reader reader, String sourceName) throws DesignLibraryException {
        Node root = compose(reader, sourceName);
        List<String> problems = new ArrayList<>();
        DesignManifest manifest = read(YamlFields.of(root, "", problems), problems);
        if (!problems.isEmpty()) {
            throw DesignLibraryException.of(sourceName, problems);
        }
        return manifest;
    }

    /** The YAML node tree of a manifest, for tools that edit it in place. */
    static Node compose(Reader reader, String sourceName) throws DesignLibraryException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARACTERS);
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(16);
        options.setAllowDuplicateKeys(false);
        try {
            Node root = new Yaml(new SafeConstructor(options)).compose(new LimitedReader(reader));
            if (root == null) {
                throw new DesignLibraryException(sourceName, "the manifest is empty");
            }
            return root;
        } catch (MarkedYAMLException e) {
            throw new DesignLibraryException(sourceName, "not valid YAML: " + e.getProblem() + YamlFields.position(e.getProblemMark()));
        } catch (YAMLException e) {
            throw new DesignLibraryException(sourceName, "not valid YAML: " + e.getMessage());
        } catch (TooLarge e) {
            throw new DesignLibraryException(sourceName, "the manifest is larger than " + MAX_CHARACTERS + " characters");
        }
    }

    /** Thrown through the YAML parser when the input goes past {@link #MAX_CHARACTERS}. */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }

    /**
     * SnakeYAML's own code point limit is only checked between tokens, so a huge comment or
     * scalar would still be read whole; this reader counts everything.
     */
    private static final class LimitedReader extends FilterReader {
        private long read;

        LimitedReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_CHARACTERS) {
                throw new TooLarge();
            }
        }
    }

    private static DesignManifest read(YamlFields root, List<String> problems) {
        DesignManifest manifest = new DesignManifest(
                root.text("slug"),
                root.text("version"),
                enumField(root, "status", DesignStatus.class, DesignStatus.DRAFT, problems),
                category(root, problems),
                root.text("license"),
                root.texts("authors"),
                text(root.mapping("title")),
                text(root.mapping("description")),
                root.list("materials", (node, path) -> material(node, path, problems)),
                root.smallInteger("itemsPerPrint", 1),
                root.list("parts", (node, path) -> part(YamlFields.of(node, path, problems), problems)),
                printProfile(root.mapping("printProfile"), problems),
                estimates(root.mapping("estimates"), problems),
                root.list("qcChecklist", (node, path) -> qcItem(YamlFields.of(node, path, problems), problems)),
                root.number("aql"),
                instructions(root.mapping("instructions")),
                root.text("preview"),
                text(root.mapping("medicalDisclaimer")));
        root.rejectUnknown(ROOT_FIELDS);
        return manifest;
    }

    private static LocalizedText text(YamlFields fields) {
        LocalizedText text = new LocalizedText(fields.text("fr"), fields.text("en"));
        fields.rejectUnknown("fr", "en");
        return text;
    }

    private static DesignCategory category(YamlFields root, List<String> problems) {
        if (!root.has("category")) {
            root.text("category"); // records the "missing" problem
            return DesignCategory.FACE_SHIELD;
        }
        String id = root.text("category");
        Optional<DesignCategory> category = DesignCategory.fromId(id);
        if (category.isEmpty()) {
            problems.add("category: unknown category \"" + id + "\" (known: "
                    + YamlFields.listOf(Arrays.stream(DesignCategory.values()).map(DesignCategory::id).toList()) + ")");
        }
        return category.orElse(DesignCategory.FACE_SHIELD);
    }

    private static <E extends Enum<E>> E enumField(YamlFields fields, String key, Class<E> type, E fallback, List<String> problems) {
        if (!fields.has(key)) {
            fields.text(key);
            return fallback;
        }
        return enumValue(fields.text(key), YamlFields.join(fields.path(), key), type, fallback, problems);
    }

    private static <E extends Enum<E>> E enumValue(String value, String path, Class<E> type, E fallback, List<String> problems) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        problems.add(path + ": unknown value \"" + value + "\" (known: " + YamlFields.listOf(List.of(type.getEnumConstants())) + ")");
        return fallback;
    }

    private static Material material(Node node, String path, List<String> problems) {
        return enumValue(YamlFields.text(node, path, problems), path, Material.class, Material.PLA, problems);
    }

    private static Part part(YamlFields fields, List<String> problems) {
        Part part = new Part(
                fields.text("name"),
                fields.text("file"),
                source(fields.mapping("source"), problems),
                fields.text("sha256"),
                fields.integer("bytes"),
                fields.integer("triangles"),
                bounds(fields.mapping("bbox"), problems),
                fields.number("volume"),
                fields.smallInteger("countPerItem"));
        fields.rejectUnknown("name", "file", "source", "countPerItem", "sha256", "bytes", "triangles", "bbox", "volume");
        return part;
    }

    private static Source source(YamlFields fields, List<String> problems) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        YamlFields declared = fields.optionalMapping("parameters");
        String scad = fields.text("scad");
        if (declared != null) {
            for (String name : declared.keys()) {
                parameters.put(name, YamlFields.scalar(declared.node(name), YamlFields.join(declared.path(), name), problems));
            }
        }
        fields.rejectUnknown("scad", "parameters");
        return new Source(scad, parameters);
    }

    private static Bounds bounds(YamlFields fields, List<String> problems) {
        Bounds bounds = new Bounds(point(fields, "min", problems), point(fields, "max", problems));
        fields.rejectUnknown("min", "max");
        return bounds;
    }

    private static Point point(YamlFields fields, String key, List<String> problems) {
        List<Double> xyz = fields.list(key, (node, path) -> YamlFields.number(node, path, problems));
        if (fields.has(key) && xyz.size() != 3 && !xyz.isEmpty()) {
            problems.add(YamlFields.join(fields.path(), key) + ": expected [x, y, z], found " + xyz.size() + " numbers");
        }
        return xyz.size() == 3 ? new Point(xyz.get(0), xyz.get(1), xyz.get(2)) : new Point(0, 0, 0);
    }

    private static PrintProfile printProfile(YamlFields fields, List<String> problems) {
        Map<Material, Temperatures> temperatures = new EnumMap<>(Material.class);
        YamlFields byMaterial = fields.mapping("temperatures");
        for (String name : byMaterial.keys()) {
            String path = YamlFields.join(byMaterial.path(), name);
            Material material = enumValue(name, path, Material.class, null, problems);
            YamlFields t = byMaterial.mapping(name);
            Temperatures value = new Temperatures(t.smallInteger("nozzle"), t.smallInteger("bed"));
            t.rejectUnknown("nozzle", "bed");
            if (material != null) {
                temperatures.put(material, value);
            }
        }
        PrintProfile profile = new PrintProfile(
                fields.number("layerHeight"),
                fields.smallInteger("perimeters"),
                fields.number("infillPercent"),
                fields.number("nozzle"),
                temperatures);
        fields.rejectUnknown("layerHeight", "perimeters", "infillPercent", "nozzle", "temperatures");
        return profile;
    }

    private static Estimates estimates(YamlFields fields, List<String> problems) {
        Map<String, PartEstimate> parts = new LinkedHashMap<>();
        YamlFields byPart = fields.mapping("parts");
        for (String name : byPart.keys()) {
            YamlFields p = byPart.mapping(name);
            parts.put(name, new PartEstimate(p.number("massGrams"), p.number("printMinutes")));
            p.rejectUnknown("massGrams", "printMinutes");
        }
        Estimates estimates = new Estimates(
                fields.text("slicer"),
                enumField(fields, "material", Material.class, Material.PLA, problems),
                fields.number("massGramsPerItem"),
                fields.number("printMinutesPerItem"),
                parts);
        fields.rejectUnknown("slicer", "material", "massGramsPerItem", "printMinutesPerItem", "parts");
        return estimates;
    }

    private static QcItem qcItem(YamlFields fields, List<String> problems) {
        YamlFields measureFields = fields.optionalMapping("measure");
        Measure measure = null;
        if (measureFields != null) {
            measure = new Measure(measureFields.number("nominal"), measureFields.number("tolerance"), measureFields.text("unit"));
            measureFields.rejectUnknown("nominal", "tolerance", "unit");
        }
        QcItem item = new QcItem(fields.text("id"), text(fields.mapping("text")), fields.bool("critical"), measure);
        fields.rejectUnknown("id", "text", "critical", "measure");
        return item;
    }

    private static Instructions instructions(YamlFields fields) {
        Instructions instructions = new Instructions(text(fields.mapping("assembly")), text(fields.mapping("disinfection")));
        fields.rejectUnknown("assembly", "disinfection");
        return instructions;
    }
}
